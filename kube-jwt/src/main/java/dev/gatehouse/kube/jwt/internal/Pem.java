package dev.gatehouse.kube.jwt.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM decoding as client-go's cert/keyutil packages do it: certificates from {@code CERTIFICATE} blocks without
 * headers, private keys in PKCS#8, PKCS#1 ({@code RSA PRIVATE KEY}) or SEC 1 ({@code EC PRIVATE KEY}) form.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([^-\\r\\n]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);

    /** Go's message when a bundle holds no usable certificate. */
    public static final String NO_CERTIFICATES = "data does not contain any valid RSA or ECDSA certificates";

    private Pem() {
    }

    /** A PEM problem with the message Go would give. */
    public static final class PemException extends Exception {
        public PemException(String message) {
            super(message);
        }
    }

    private record Block(String type, boolean hasHeaders, byte[] der) {
    }

    private static List<Block> blocks(String pem) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            String body = m.group(2);
            boolean headers = body.lines().anyMatch(line -> line.contains(":"));
            String base64 = body.lines().filter(line -> !line.contains(":")).reduce("", String::concat)
                    .replaceAll("\\s", "");
            try {
                blocks.add(new Block(m.group(1), headers, Base64.getDecoder().decode(base64)));
            } catch (IllegalArgumentException e) {
                // Go's pem.Decode skips blocks whose base64 is broken.
            }
        }
        return blocks;
    }

    /** client-go's {@code cert.ParseCertsPEM}. */
    public static List<X509Certificate> certificates(String pem) throws PemException {
        List<X509Certificate> certs = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
        for (Block block : blocks(pem)) {
            if (!block.type().equals("CERTIFICATE") || block.hasHeaders()) {
                continue;
            }
            try {
                certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (CertificateException e) {
                throw new PemException("x509: malformed certificate");
            }
        }
        if (certs.isEmpty()) {
            throw new PemException(NO_CERTIFICATES);
        }
        return certs;
    }

    /** client-go's {@code keyutil.ParsePrivateKeyPEM}: the first private key block of a supported kind. */
    public static PrivateKey privateKey(String pem) throws PemException {
        for (Block block : blocks(pem)) {
            switch (block.type()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(block.der());
                }
                case "RSA PRIVATE KEY" -> {
                    return pkcs8(Der.rsaPkcs1ToPkcs8(block.der()));
                }
                case "EC PRIVATE KEY" -> {
                    return pkcs8(Der.sec1ToPkcs8(block.der()));
                }
                default -> {
                    // Other blocks (parameters, certificates) are skipped, as Go does.
                }
            }
        }
        throw new PemException("data does not contain a valid RSA or ECDSA private key");
    }

    private static PrivateKey pkcs8(byte[] der) throws PemException {
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new PemException("error parsing private key: unsupported key type");
    }

    /** The few DER constructions needed to turn PKCS#1 and SEC 1 keys into PKCS#8, which the JDK reads. */
    static final class Der {
        private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
        private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");

        private Der() {
        }

        static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
            return sequence(concat(hex("020100"), RSA_ALGORITHM, tlv(0x04, pkcs1)));
        }

        /** SEC 1 {@code ECPrivateKey} carries its curve in the [0] parameters; PKCS#8 moves it to the algorithm. */
        static byte[] sec1ToPkcs8(byte[] sec1) throws PemException {
            byte[] curveOid = findContextTag0(sec1);
            byte[] algorithm = sequence(concat(EC_PUBLIC_KEY_OID, curveOid));
            return sequence(concat(hex("020100"), algorithm, tlv(0x04, sec1)));
        }

        private static byte[] findContextTag0(byte[] sec1) throws PemException {
            int[] outer = header(sec1, 0);
            int pos = outer[0];
            int end = outer[0] + outer[1];
            while (pos < end) {
                int tag = sec1[pos] & 0xff;
                int[] h = header(sec1, pos);
                if (tag == 0xa0) {
                    byte[] oid = new byte[h[1]];
                    System.arraycopy(sec1, h[0], oid, 0, h[1]);
                    return oid;
                }
                pos = h[0] + h[1];
            }
            throw new PemException("x509: failed to parse EC private key: missing curve parameters");
        }

        /** Returns {contentStart, contentLength} of the TLV starting at {@code pos}. */
        private static int[] header(byte[] der, int pos) throws PemException {
            if (pos + 2 > der.length) {
                throw new PemException("x509: failed to parse EC private key: truncated");
            }
            int len = der[pos + 1] & 0xff;
            int start = pos + 2;
            if (len >= 0x80) {
                int count = len & 0x7f;
                len = 0;
                for (int i = 0; i < count; i++) {
                    len = (len << 8) | (der[start + i] & 0xff);
                }
                start += count;
            }
            if (start + len > der.length) {
                throw new PemException("x509: failed to parse EC private key: truncated");
            }
            return new int[] {start, len};
        }

        private static byte[] sequence(byte[] content) {
            return tlv(0x30, content);
        }

        private static byte[] tlv(int tag, byte[] content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(tag);
            int len = content.length;
            if (len < 0x80) {
                out.write(len);
            } else {
                byte[] bytes = java.math.BigInteger.valueOf(len).toByteArray();
                int skip = bytes[0] == 0 ? 1 : 0;
                out.write(0x80 | (bytes.length - skip));
                out.write(bytes, skip, bytes.length - skip);
            }
            out.writeBytes(content);
            return out.toByteArray();
        }

        private static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] p : parts) {
                out.writeBytes(p);
            }
            return out.toByteArray();
        }

        private static byte[] hex(String s) {
            return java.util.HexFormat.of().parseHex(s);
        }
    }
}
