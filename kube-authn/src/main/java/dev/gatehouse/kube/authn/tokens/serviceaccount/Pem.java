package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM blocks and the RSA key encodings kube-apiserver's key files may hold: {@code PRIVATE KEY} (PKCS#8),
 * {@code RSA PRIVATE KEY} (PKCS#1, as {@code openssl genrsa -traditional} writes), {@code PUBLIC KEY} (X.509
 * SubjectPublicKeyInfo), {@code RSA PUBLIC KEY} (PKCS#1) and {@code CERTIFICATE}. PKCS#1 structures are wrapped into
 * their PKCS#8 / SPKI envelopes by hand so no extra crypto provider is needed. Text between blocks is kept as the
 * block's {@code preamble}, which {@link ServiceAccountKeys} uses for retention notes.
 */
final class Pem {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);
    /** AlgorithmIdentifier { rsaEncryption, NULL }. */
    private static final byte[] RSA_ALGORITHM = {
            0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    record Block(String type, byte[] der, String preamble) {
    }

    private Pem() {
    }

    static List<Block> decode(byte[] pem) {
        String text = new String(pem, StandardCharsets.US_ASCII);
        Matcher m = BLOCK.matcher(text);
        List<Block> blocks = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            String preamble = text.substring(last, m.start());
            last = m.end();
            StringBuilder base64 = new StringBuilder();
            for (String line : m.group(2).split("\\r?\\n")) {
                if (line.contains(":")) {
                    // RFC 1421 header such as Proc-Type: an encrypted key, which kube-apiserver refuses too.
                    throw new IllegalArgumentException("encrypted or annotated PEM blocks are not supported (" + m.group(1) + ")");
                }
                base64.append(line.trim());
            }
            try {
                blocks.add(new Block(m.group(1), Base64.getDecoder().decode(base64.toString()), preamble));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PEM block " + m.group(1) + " is not valid base64", e);
            }
        }
        return blocks;
    }

    static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    static boolean isPrivateKey(Block block) {
        return block.type().equals("PRIVATE KEY") || block.type().equals("RSA PRIVATE KEY");
    }

    static boolean isPublicKey(Block block) {
        return block.type().equals("PUBLIC KEY") || block.type().equals("RSA PUBLIC KEY") || block.type().equals("CERTIFICATE");
    }

    static RSAPrivateKey privateKey(Block block) {
        byte[] pkcs8 = switch (block.type()) {
            case "PRIVATE KEY" -> block.der();
            case "RSA PRIVATE KEY" -> sequence(concat(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM, tagged(0x04, block.der())));
            default -> throw new IllegalArgumentException("PEM block " + block.type() + " is not a private key");
        };
        try {
            return (RSAPrivateKey) rsa().generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("only RSA private keys are supported", e);
        }
    }

    static RSAPublicKey publicKey(Block block) {
        try {
            return switch (block.type()) {
                case "PUBLIC KEY" -> (RSAPublicKey) rsa().generatePublic(new X509EncodedKeySpec(block.der()));
                case "RSA PUBLIC KEY" -> (RSAPublicKey) rsa().generatePublic(new X509EncodedKeySpec(
                        sequence(concat(RSA_ALGORITHM, tagged(0x03, concat(new byte[] {0}, block.der()))))));
                case "CERTIFICATE" -> rsaPublic(CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(block.der())).getPublicKey());
                case "PRIVATE KEY", "RSA PRIVATE KEY" -> publicOf(privateKey(block));
                default -> throw new IllegalArgumentException("PEM block " + block.type() + " is not a key");
            };
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("only RSA public keys are supported", e);
        }
    }

    static RSAPublicKey publicOf(RSAPrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("an RSA private key without its CRT parameters has no known public key");
        }
        try {
            return (RSAPublicKey) rsa().generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot derive the public key", e);
        }
    }

    private static RSAPublicKey rsaPublic(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa;
        }
        throw new IllegalArgumentException("only RSA public keys are supported, got " + key.getAlgorithm());
    }

    private static KeyFactory rsa() throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA");
    }

    private static byte[] sequence(byte[] content) {
        return tagged(0x30, content);
    }

    /** A DER TLV with definite length. */
    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        if (content.length < 0x80) {
            out.write(content.length);
        } else {
            byte[] length = BigInteger.valueOf(content.length).toByteArray();
            int skip = length[0] == 0 ? 1 : 0;
            out.write(0x80 | (length.length - skip));
            out.write(length, skip, length.length - skip);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
