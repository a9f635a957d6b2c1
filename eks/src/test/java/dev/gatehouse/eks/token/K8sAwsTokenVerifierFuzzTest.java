package dev.gatehouse.eks.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Mangled tokens never throw and never verify: random edits (replace, insert, delete a character of the URL, or
 * of the encoded token) of valid user and role-session tokens, with a fixed seed so a failure reproduces.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class K8sAwsTokenVerifierFuzzTest {
  private static final String ALPHABET = "abcAZ09-_.~%:/?#&=;+@[] \u0000\u00e9";

  private TokenWorld world;
  private K8sAwsTokenVerifier verifier;
  private List<String> urls;

  @BeforeAll
  void setUp() {
    world = new TokenWorld();
    verifier = new K8sAwsTokenVerifier(world.resolver(),
        StsHosts.of("aws", List.of("us-east-1"), List.of(TokenWorld.OWN_ENDPOINT)), world.kit.clock());
    urls = List.of(
        TokenWorld.presignedUrl(world.alice, TokenWorld.Mint.botocore("https://sts.us-east-1.amazonaws.com",
            "us-east-1", world.kit.clock().instant())),
        TokenWorld.presignedUrl(world.assume("deployer", "s1"), TokenWorld.Mint.botocore(TokenWorld.OWN_ENDPOINT,
            "us-east-1", world.kit.clock().instant())));
    for (String url : urls) {
      assertThat(verifier.verify(TokenWorld.token(url), TokenWorld.CLUSTER))
          .isInstanceOf(TokenVerification.Verified.class);
    }
  }

  @AfterAll
  void tearDown() {
    world.close();
  }

  @Test
  void mangledTokensAreRejectedWithoutThrowing() {
    Random random = new Random(20260301);
    int verified = 0;
    for (int i = 0; i < 20_000; i++) {
      String url = urls.get(i % urls.size());
      boolean mangleUrl = random.nextBoolean();
      String token = mangleUrl ? TokenWorld.token(mangle(url, random))
          : mangle(TokenWorld.token(url), random, K8sAwsTokenVerifier.PREFIX.length());
      TokenVerification result = verifier.verify(token, TokenWorld.CLUSTER);
      if (result instanceof TokenVerification.Verified) {
        verified++;
      } else if (result instanceof TokenVerification.Rejected rejected) {
        assertThat(rejected.reason()).isNotBlank().doesNotContain("\n");
      }
    }
    // A few edits are harmless (e.g. a fragment appended, hex case changed in an escape); almost none are.
    assertThat(verified).isLessThan(400);
  }

  private static String mangle(String s, Random random) {
    return mangle(s, random, 0);
  }

  private static String mangle(String s, Random random, int from) {
    StringBuilder b = new StringBuilder(s);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && b.length() > from; e++) {
      int at = from + random.nextInt(b.length() - from);
      char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      switch (random.nextInt(3)) {
        case 0 -> b.setCharAt(at, c);
        case 1 -> b.insert(at, c);
        default -> b.deleteCharAt(at);
      }
    }
    return b.toString();
  }
}
