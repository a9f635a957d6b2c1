package dev.gatehouse.kube.authn.tokens.serviceaccount;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.authn.tokens.testing.Cases;
import dev.gatehouse.kube.authn.tokens.testing.Golden;
import dev.gatehouse.kube.authn.tokens.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceAccountKeysTest {
    static Stream<Arguments> keyFacts() {
        return Cases.of("serviceaccount/keys.yaml", "file", "kid", "modulusHex");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyFacts")
    void keyIdAndJwkMatchOpenSsl(String name, JsonNode c) {
        SigningKey key = SigningKey.fromPem(Cases.bytes("serviceaccount/" + c.get("file").asText()));
        assertThat(key.keyId()).isEqualTo(c.get("kid").asText());
        String n = OidcDocuments.unsignedBase64Url(new BigInteger(1, HexFormat.of().parseHex(c.get("modulusHex").asText())));
        String jwks = ServiceAccountKeys.of(key, new MutableClock()).jwks();
        assertThat(jwks).isEqualTo("{\"keys\":[{\"use\":\"sig\",\"kty\":\"RSA\",\"kid\":\"" + c.get("kid").asText()
                + "\",\"alg\":\"RS256\",\"n\":\"" + n + "\",\"e\":\"AQAB\"}]}");
    }

    @Test
    void everyPemShapeOfTheSameKeyGivesTheSameKeyId() {
        String kid = TestTokens.KEY_A.keyId();
        assertThat(VerificationKey.keyIdOf(Pem.publicKey(Pem.decode(Cases.bytes("serviceaccount/keys/key-a.rsapub.pem")).get(0))))
                .as("RSA PUBLIC KEY (PKCS#1)").isEqualTo(kid);
        assertThat(SigningKey.fromPem(TestTokens.KEY_A.toPem()).keyId()).as("PKCS#8 round trip").isEqualTo(kid);
        assertThat(new String(TestTokens.KEY_A.toPem(), StandardCharsets.US_ASCII)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(VerificationKey.keyIdOf(Pem.publicKey(Pem.decode(TestTokens.KEY_A.verificationKey().toPem()).get(0))))
                .as("PUBLIC KEY round trip").isEqualTo(kid);
        assertThat(VerificationKey.keyIdOf(Pem.publicKey(Pem.decode(Cases.bytes("serviceaccount/keys/key-b.pub.pem")).get(0))))
                .isEqualTo(TestTokens.KEY_B.keyId());
    }

    @Test
    void nonRsaAndKeylessPemAreRefused() {
        assertThatThrownBy(() -> SigningKey.fromPem(Cases.bytes("serviceaccount/keys/ec.pem")))
                .hasMessage("no RSA private key found in PEM data");
        assertThatThrownBy(() -> SigningKey.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
                .getBytes(StandardCharsets.US_ASCII))).hasMessage("only RSA private keys are supported");
        assertThatThrownBy(() -> ServiceAccountKeys.fromPem(Cases.bytes("serviceaccount/keys/key-b.pub.pem"), new MutableClock()))
                .hasMessage("no RSA private key found in PEM data");
    }

    @Test
    void generatedKeysAreRsa2048AndSignRs256() {
        MutableClock clock = new MutableClock();
        ServiceAccountKeys keys = ServiceAccountKeys.generate(clock);
        assertThat(keys.signingKey().publicKey().getModulus().bitLength()).isEqualTo(2048);
        String token = new LegacyTokenIssuer(keys).issue("ns", "sa", "uid", "secret");
        assertThat(TokenForge.decodePart(token.split("\\.")[0]))
                .isEqualTo("{\"alg\":\"RS256\",\"kid\":\"" + keys.signingKey().keyId() + "\"}");
    }

    @Test
    void rotationKeepsThePreviousKeyForItsRetentionAndPersistsIt() {
        MutableClock clock = new MutableClock();
        ServiceAccountKeys keys = ServiceAccountKeys.of(TestTokens.KEY_A, clock);
        keys.rotate(TestTokens.KEY_B, Duration.ofHours(2));
        assertThat(keys.signingKey().keyId()).isEqualTo(TestTokens.KEY_B.keyId());
        assertThat(keys.verificationKeys()).extracting(VerificationKey::keyId)
                .containsExactly(TestTokens.KEY_B.keyId(), TestTokens.KEY_A.keyId());
        assertThat(keys.verificationKeys(TestTokens.KEY_A.keyId())).hasSize(1);
        assertThat(keys.verificationKeys("")).hasSize(2);

        byte[] pem = keys.toPem();
        String text = new String(pem, StandardCharsets.US_ASCII);
        assertThat(text).contains("# retain-until: 2025-05-01T14:00:00Z\n-----BEGIN PUBLIC KEY-----");
        ServiceAccountKeys reloaded = ServiceAccountKeys.fromPem(pem, clock);
        assertThat(reloaded.signingKey().keyId()).isEqualTo(TestTokens.KEY_B.keyId());
        assertThat(reloaded.verificationKeys()).isEqualTo(keys.verificationKeys());
        assertThat(reloaded.jwks()).isEqualTo(keys.jwks());

        clock.advance(Duration.ofHours(2));
        assertThat(keys.verifies(TestTokens.KEY_A.keyId())).as("retained through its last instant").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(keys.verifies(TestTokens.KEY_A.keyId())).isFalse();
        assertThat(keys.verificationKeys()).extracting(VerificationKey::keyId).containsExactly(TestTokens.KEY_B.keyId());
        assertThat(keys.toPem()).as("kept until pruned").isEqualTo(pem);
        assertThat(keys.prune()).isEqualTo(1);
        assertThat(new String(keys.toPem(), StandardCharsets.US_ASCII)).doesNotContain("PUBLIC KEY");
    }

    @Test
    void aKeyFileWithoutRetentionNotesKeepsExtraKeysForever() {
        MutableClock clock = new MutableClock();
        byte[] pem = (new String(TestTokens.KEY_A.toPem(), StandardCharsets.US_ASCII)
                + new String(Cases.bytes("serviceaccount/keys/key-b.pem"), StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        ServiceAccountKeys keys = ServiceAccountKeys.fromPem(pem, clock);
        clock.advance(Duration.ofDays(3650));
        assertThat(keys.verificationKeys()).extracting(VerificationKey::keyId)
                .containsExactly(TestTokens.KEY_A.keyId(), TestTokens.KEY_B.keyId());
    }

    @Test
    void jwksListsEveryVerifyingKeyCurrentFirst() {
        MutableClock clock = new MutableClock();
        ServiceAccountKeys keys = ServiceAccountKeys.of(TestTokens.KEY_A, clock);
        keys.rotate(TestTokens.KEY_B, Duration.ofDays(365));
        Golden.assertMatches("discovery/jwks-rotated.json", keys.jwks() + "\n");
    }

    static Stream<Arguments> discovery() {
        return Cases.of("serviceaccount/discovery.yaml", "issuer", "jwksUri", "externalAddress", "golden", "error");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("discovery")
    void openIdConfiguration(String name, JsonNode c) {
        ServiceAccountKeys keys = ServiceAccountKeys.of(TestTokens.KEY_A, new MutableClock());
        String issuer = c.get("issuer").asText();
        if (c.has("error")) {
            assertThatThrownBy(() -> keys.openIdConfiguration(issuer, jwksUri(c)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(c.get("error").asText());
        } else {
            Golden.assertMatches(c.get("golden").asText(), keys.openIdConfiguration(issuer, jwksUri(c)) + "\n");
        }
    }

    private static String jwksUri(JsonNode c) {
        return c.has("jwksUri") ? c.get("jwksUri").asText()
                : ServiceAccountKeys.defaultJwksUri(c.get("externalAddress").asText());
    }
}
