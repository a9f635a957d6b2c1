package dev.gatehouse.aws.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The aws-c-auth SigV4 test suite (v4, {@code normalize: true} cases; see the NOTICE.md next to the data): the
 * signer must reproduce each canonical request, string to sign and signature in both forms, and the verifier
 * must accept each signed request and reject it once tampered with.
 */
class AwsCAuthSuiteTest {
  private static final String ROOT = "sigv4/aws-c-auth/v4/";
  private static final Duration SKEW = Duration.ofMinutes(15);

  static Stream<Arguments> cases() {
    return Fixtures.directories(ROOT).stream().map(name -> Arguments.of(name, new Case(name)));
  }

  /** One case directory. */
  record Case(String name) {
    String file(String file) {
      return Fixtures.text(ROOT + name + "/" + file);
    }

    JsonNode context() {
      return Fixtures.json(ROOT + name + "/context.json");
    }

    SigningCredentials credentials() {
      JsonNode c = context().get("credentials");
      return c.hasNonNull("token")
          ? SigningCredentials.of(c.get("access_key_id").asText(), c.get("secret_access_key").asText(),
              c.get("token").asText())
          : SigningCredentials.of(c.get("access_key_id").asText(), c.get("secret_access_key").asText());
    }

    String secret() {
      return context().get("credentials").get("secret_access_key").asText();
    }

    Instant time() {
      return Instant.parse(context().get("timestamp").asText());
    }

    String region() {
      return context().get("region").asText();
    }

    String service() {
      return context().get("service").asText();
    }

    boolean omitToken() {
      return context().path("omit_session_token").asBoolean(false);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void signerReproducesTheHeaderForm(String name, Case c) {
    HttpRequestView request = Fixtures.httpText(c.file("request.txt"));
    SigV4Signer.Options options = new SigV4Signer.Options(!c.omitToken(), c.context().get("sign_body").asBoolean());

    SigV4Signer.HeaderSigning signing =
        SigV4Signer.headerSigning(request, c.credentials(), c.region(), c.service(), c.time(), options);

    assertThat(signing.signing().canonicalRequest().text()).isEqualTo(c.file("header-canonical-request.txt"));
    assertThat(signing.signing().stringToSign().text()).isEqualTo(c.file("header-string-to-sign.txt"));
    assertThat(signing.signing().signature()).isEqualTo(c.file("header-signature.txt"));
    HttpRequestView expected = Fixtures.httpText(c.file("header-signed-request.txt"));
    assertThat(signing.addedHeaders().get("Authorization"))
        .isEqualTo(expected.headers().first("authorization").orElseThrow());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void signerReproducesThePresignedForm(String name, Case c) {
    HttpRequestView request = Fixtures.httpText(c.file("request.txt"));
    SigV4Signer.Options options = new SigV4Signer.Options(!c.omitToken(), false);
    Duration expires = Duration.ofSeconds(c.context().get("expiration_in_seconds").asLong());

    SigV4Signer.QuerySigning signing =
        SigV4Signer.querySigning(request, c.credentials(), c.region(), c.service(), c.time(), expires, options);

    assertThat(signing.signing().canonicalRequest().text()).isEqualTo(c.file("query-canonical-request.txt"));
    assertThat(signing.signing().stringToSign().text()).isEqualTo(c.file("query-string-to-sign.txt"));
    assertThat(signing.signing().signature()).isEqualTo(c.file("query-signature.txt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verifierAcceptsTheSignedHeaderFormAndRejectsTampering(String name, Case c) {
    HttpRequestView signed = Fixtures.httpText(c.file("header-signed-request.txt"));
    AuthParse.Signed parsed = parsed(signed, SignatureForm.HEADER);

    assertThat(SigV4Verifier.canonicalRequest(parsed, signed).text()).isEqualTo(c.file("header-canonical-request.txt"));
    assertThat(SigV4Verifier.verify(parsed, signed, c.secret(), c.time(), SKEW)).isEqualTo(new VerifyResult.Verified());
    assertTamperedRequestsFail(c, signed, parsed, PresignedValidity.sts());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verifierAcceptsTheSignedPresignedFormAndRejectsTampering(String name, Case c) {
    HttpRequestView signed = Fixtures.httpText(c.file("query-signed-request.txt"));
    AuthParse.Signed parsed = parsed(signed, SignatureForm.QUERY);
    PresignedValidity validity = PresignedValidity.honourExpires(604800);

    assertThat(parsed.expiresSeconds().getAsLong()).isEqualTo(c.context().get("expiration_in_seconds").asLong());
    assertThat(SigV4Verifier.verify(parsed, signed, c.secret(), c.time(), SKEW, validity))
        .isEqualTo(new VerifyResult.Verified());
    assertTamperedRequestsFail(c, signed, parsed, validity);
  }

  private static AuthParse.Signed parsed(HttpRequestView request, SignatureForm form) {
    AuthParse parse = SigV4Parser.parse(request);
    assertThat(parse).isInstanceOf(AuthParse.Signed.class);
    AuthParse.Signed signed = (AuthParse.Signed) parse;
    assertThat(signed.form()).isEqualTo(form);
    return signed;
  }

  private static void assertTamperedRequestsFail(Case c, HttpRequestView request, AuthParse.Signed parsed,
      PresignedValidity validity) {
    VerifyResult mismatch = new VerifyResult.Failed("SignatureDoesNotMatch", SigV4Messages.SIGNATURE_MISMATCH);

    char[] signature = parsed.signature().toCharArray();
    signature[signature.length - 1] = signature[signature.length - 1] == '0' ? '1' : '0';
    AuthParse.Signed forged = new AuthParse.Signed(parsed.form(), parsed.scope(), parsed.signedHeaders(),
        new String(signature), parsed.amzDate(), parsed.expiresSeconds(), parsed.securityToken());
    assertThat(SigV4Verifier.verify(forged, request, c.secret(), c.time(), SKEW, validity))
        .as("altered signature").isEqualTo(mismatch);

    HttpRequestView otherHost = new HttpRequestView(request.method(), request.rawPath(), request.rawQuery(),
        request.headers().without("host").with("Host", "evil.example.com"), request.body());
    assertThat(SigV4Verifier.verify(parsed, otherHost, c.secret(), c.time(), SKEW, validity))
        .as("altered Host").isEqualTo(mismatch);

    HttpRequestView otherPath = new HttpRequestView(request.method(), request.rawPath() + "x", request.rawQuery(),
        request.headers(), request.body());
    assertThat(SigV4Verifier.verify(parsed, otherPath, c.secret(), c.time(), SKEW, validity))
        .as("altered path").isEqualTo(mismatch);

    HttpRequestView otherBody = new HttpRequestView(request.method(), request.rawPath(), request.rawQuery(),
        request.headers(), Arrays.copyOf(request.body(), request.body().length + 1));
    assertThat(SigV4Verifier.verify(parsed, otherBody, c.secret(), c.time(), SKEW, validity))
        .as("altered body").isEqualTo(mismatch);

    assertThat(SigV4Verifier.verify(parsed, request, c.secret() + "x", c.time(), SKEW, validity))
        .as("wrong secret").isEqualTo(mismatch);
  }
}
