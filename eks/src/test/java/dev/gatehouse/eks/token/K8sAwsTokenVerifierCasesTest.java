package dev.gatehouse.eks.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatehouse.aws.sigv4.SigningCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of token/token-cases.yaml (the file documents its fields) against a kit-backed verifier. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class K8sAwsTokenVerifierCasesTest {
  private static final List<String> REGIONS = List.of("us-east-1", "us-west-2");
  private static final List<String> OWN = List.of(TokenWorld.OWN_ENDPOINT, "https://gatehouse.example:8443");
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  record QueryEdit(Map<String, String> replace, List<String> remove, String append) {}

  record Expect(String outcome, String reason, String arn, String canonicalArn, String sessionName,
      String principalIdPrefix) {}

  record TokenCase(String name, String signer, String endpoint, String path, String region, String service,
      String action, String extraQuery, String signedFor, Boolean signClusterId, String signedAt, Long expires,
      QueryEdit edit, String rawUrl, String rawToken, Integer padTo, Boolean anyRegion, String verifyFor,
      Expect expect) {
    @Override
    public String toString() {
      return name;
    }
  }

  private TokenWorld world;
  private Map<String, SigningCredentials> signers;
  private K8sAwsTokenVerifier verifier;
  private K8sAwsTokenVerifier anyRegionVerifier;

  @BeforeAll
  void setUp() {
    world = new TokenWorld();
    signers = Map.of("alice", world.alice, "bob", world.bob, "stranger", TokenWorld.STRANGER,
        "deployer", world.assume("deployer", "EKSGetTokenAuth"), "ci-runner", world.assume("ci-runner", "build-7"));
    verifier = new K8sAwsTokenVerifier(world.resolver(), StsHosts.of("aws", REGIONS, OWN), world.kit.clock());
    anyRegionVerifier = new K8sAwsTokenVerifier(world.resolver(), StsHosts.of("aws", List.of(), OWN), world.kit.clock());
  }

  @AfterAll
  void tearDown() {
    world.close();
  }

  Stream<Arguments> cases() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/token/token-cases.yaml")) {
      List<TokenCase> cases = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() {});
      return cases.stream().map(c -> Arguments.of(c));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verifies(TokenCase c) {
    String token = token(c);
    K8sAwsTokenVerifier subject = Boolean.TRUE.equals(c.anyRegion()) ? anyRegionVerifier : verifier;
    TokenVerification result = subject.verify(token, Objects.requireNonNullElse(c.verifyFor(), TokenWorld.CLUSTER));
    Expect expect = c.expect();
    switch (expect.outcome()) {
      case "NotApplicable" -> assertThat(result).isInstanceOf(TokenVerification.NotApplicable.class);
      case "Rejected" -> {
        assertThat(result).isInstanceOf(TokenVerification.Rejected.class);
        String reason = ((TokenVerification.Rejected) result).reason();
        assertThat(reason).contains(placeholders(expect.reason()));
        assertNoSecrets(c, reason);
      }
      case "Verified" -> {
        assertThat(result).as("%s", result).isInstanceOf(TokenVerification.Verified.class);
        AwsIdentity identity = ((TokenVerification.Verified) result).identity();
        assertThat(identity.accessKeyId()).isEqualTo(signers.get(c.signer()).accessKeyId());
        assertThat(identity.accountId()).isEqualTo("123456789012");
        if (expect.arn() != null) {
          assertThat(identity.arn()).isEqualTo(expect.arn());
        }
        if (expect.canonicalArn() != null) {
          assertThat(identity.canonicalArn()).isEqualTo(expect.canonicalArn());
        }
        assertThat(identity.sessionName()).isEqualTo(expect.sessionName());
        if (expect.principalIdPrefix() != null) {
          assertThat(identity.principalId()).startsWith(expect.principalIdPrefix());
        }
        String expectedUserId = identity.sessionName() == null ? identity.principalId()
            : identity.principalId() + ":" + identity.sessionName();
        assertThat(identity.userId()).isEqualTo(expectedUserId);
      }
      default -> throw new IllegalArgumentException(c.name() + ": unknown outcome " + expect.outcome());
    }
  }

  private String token(TokenCase c) {
    if (c.rawToken() != null) {
      StringBuilder raw = new StringBuilder(c.rawToken());
      while (c.padTo() != null && raw.length() < c.padTo()) {
        raw.append('A');
      }
      return raw.toString();
    }
    Instant now = world.kit.clock().instant();
    if (c.rawUrl() != null) {
      return TokenWorld.token(c.rawUrl().replace("{date}", AMZ_DATE.format(now)));
    }
    SigningCredentials credentials = Objects.requireNonNull(signers.get(c.signer()), c.name() + ": signer");
    String ownQuery = "Action=" + Objects.requireNonNullElse(c.action(), "GetCallerIdentity") + "&Version=2011-06-15"
        + (c.extraQuery() == null ? "" : "&" + c.extraQuery());
    TokenWorld.Mint mint = new TokenWorld.Mint(
        Objects.requireNonNullElse(c.endpoint(), "https://sts.us-east-1.amazonaws.com"),
        Objects.requireNonNullElse(c.path(), "/"),
        Objects.requireNonNullElse(c.region(), "us-east-1"),
        Objects.requireNonNullElse(c.service(), "sts"),
        ownQuery,
        Objects.requireNonNullElse(c.signedFor(), TokenWorld.CLUSTER),
        !Boolean.FALSE.equals(c.signClusterId()),
        now.plus(offset(c.signedAt())),
        Objects.requireNonNullElse(c.expires(), 60L));
    String url = TokenWorld.presignedUrl(credentials, mint);
    return TokenWorld.token(c.edit() == null ? url : edit(url, c.edit()));
  }

  /** Applies the case's edits to the raw query, pair by pair, after signing. */
  private static String edit(String url, QueryEdit edit) {
    int question = url.indexOf('?');
    List<String> pairs = new ArrayList<>();
    for (String pair : url.substring(question + 1).split("&")) {
      String name = pair.substring(0, pair.indexOf('='));
      if (edit.remove() != null && edit.remove().contains(name)) {
        continue;
      }
      pairs.add(edit.replace() != null && edit.replace().containsKey(name) ? name + "=" + edit.replace().get(name) : pair);
    }
    return url.substring(0, question + 1) + String.join("&", pairs) + Objects.requireNonNullElse(edit.append(), "");
  }

  private String placeholders(String reason) {
    return reason.replace("{bobKey}", world.bob.accessKeyId())
        .replace("{deployerKey}", signers.get("deployer").accessKeyId());
  }

  /** Reasons go to logs: never a secret, a session token or a signature. */
  private void assertNoSecrets(TokenCase c, String reason) {
    SigningCredentials credentials = c.signer() == null ? null : signers.get(c.signer());
    if (credentials != null) {
      assertThat(reason).doesNotContain(credentials.secretAccessKey());
      credentials.sessionToken().ifPresent(t -> assertThat(reason).doesNotContain(t.substring(0, 16)));
    }
    assertThat(reason).doesNotContainPattern("[0-9a-f]{64}");
  }

  private static final Pattern OFFSET_PART = Pattern.compile("(\\d+)([hms])");

  /** {@code -15m1s}, {@code +16m}, {@code 0}. */
  static Duration offset(String text) {
    if (text == null || text.equals("0")) {
      return Duration.ZERO;
    }
    boolean negative = text.startsWith("-");
    Matcher m = OFFSET_PART.matcher(text.replaceFirst("^[+-]", ""));
    Duration d = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        throw new IllegalArgumentException("bad offset " + text);
      }
      long n = Long.parseLong(m.group(1));
      d = d.plus(switch (m.group(2)) {
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofSeconds(n);
      });
      end = m.end();
    }
    return negative ? d.negated() : d;
  }
}
