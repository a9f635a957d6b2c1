package dev.gatehouse.aws.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SigningKeysTest {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

  @Test
  void derivesTheSigningKeyOfTheAwsDocumentationExample() {
    // "Examples of how to derive a signing key for Signature Version 4" (AWS General Reference).
    assertThat(Rfc3986.hex(SigningKeys.derive(SECRET, "20120215", "us-east-1", "iam")))
        .isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
  }

  @Test
  void cachedKeysEqualDerivedKeysAndTheCacheStaysBounded() {
    CredentialScope scope = new CredentialScope("AKID", "20120215", "us-east-1", "iam");
    assertThat(SigningKeys.signingKey(SECRET, scope)).isEqualTo(SigningKeys.derive(SECRET, "20120215", "us-east-1", "iam"));
    for (int i = 0; i <= SigningKeys.MAX_ENTRIES; i++) {
      SigningKeys.signingKey("secret-" + i, scope);
    }
    assertThat(SigningKeys.size()).isLessThanOrEqualTo(SigningKeys.MAX_ENTRIES);
    assertThat(SigningKeys.signingKey(SECRET, scope)).isEqualTo(SigningKeys.derive(SECRET, "20120215", "us-east-1", "iam"));
  }
}
