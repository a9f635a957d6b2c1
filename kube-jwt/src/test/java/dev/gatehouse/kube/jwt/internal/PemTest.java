package dev.gatehouse.kube.jwt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.kube.jwt.testing.TestPki;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Private keys in the PEM forms kubeconfigs carry, and certificate bundles. */
class PemTest {

    private static final KeyPair RSA = generate("RSA");
    private static final byte[] DATA = "gatehouse".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ec-pkcs8, EC",
            "ec-sec1, EC",
            "rsa-pkcs1, RSA",
            "rsa-pkcs8, RSA"})
    void readsPrivateKeys(String form, String algorithm) throws Exception {
        KeyPair pair = form.startsWith("ec") ? TestPki.shared().clientKeyPair() : RSA;
        String pem = switch (form) {
            case "ec-pkcs8", "rsa-pkcs8" -> TestPki.pkcs8Pem(pair.getPrivate());
            case "ec-sec1" -> TestPki.sec1Pem(pair.getPrivate());
            case "rsa-pkcs1" -> TestPki.pkcs1Pem(pair);
            default -> throw new IllegalArgumentException(form);
        };
        assertThat(pem).contains(form.endsWith("sec1") ? "BEGIN EC PRIVATE KEY"
                : form.endsWith("pkcs1") ? "BEGIN RSA PRIVATE KEY" : "BEGIN PRIVATE KEY");

        PrivateKey key = Pem.privateKey(pem);

        assertThat(key.getAlgorithm()).isEqualTo(algorithm);
        String signatureAlgorithm = algorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        Signature signer = Signature.getInstance(signatureAlgorithm);
        signer.initSign(key);
        signer.update(DATA);
        Signature verifier = Signature.getInstance(signatureAlgorithm);
        verifier.initVerify(pair.getPublic());
        verifier.update(DATA);
        assertThat(verifier.verify(signer.sign())).as("the key read signs like the original").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no PEM at all|hello|data does not contain any valid RSA or ECDSA certificates",
            "a key instead of a certificate|KEY|data does not contain any valid RSA or ECDSA certificates",
            "a broken certificate|-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n|x509: malformed certificate"})
    void certificateBundleErrors(String name, String pem, String message) {
        String input = pem.equals("KEY") ? TestPki.pkcs8Pem(RSA.getPrivate()) : pem.replace("\\n", "\n");
        assertThatThrownBy(() -> Pem.certificates(input)).isInstanceOf(Pem.PemException.class).hasMessage(message);
    }
}
