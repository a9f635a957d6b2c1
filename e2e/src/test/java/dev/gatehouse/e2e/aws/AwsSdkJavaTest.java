package dev.gatehouse.e2e.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.e2e.GatehouseProcess;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The walkthrough with the AWS SDK for Java v2 (IamClient, StsClient with an endpoint override), the refusals
 * as the SDK reports them, and bad input sent as raw HTTP from {@code src/test/resources/aws/bad-requests.yaml}.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsSdkJavaTest {
  private static final String ACCOUNT = "123456789012";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  @TempDir
  static Path temp;

  private GatehouseProcess server;
  private String endpoint;
  private ExpiredSessions expiredSessions;
  private AwsCredentials admin;
  private final List<AutoCloseable> clients = new ArrayList<>();
  private IamClient iam;
  private String viewerRoleId;

  @BeforeAll
  void start() throws Exception {
    Path data = temp.resolve("data");
    expiredSessions = ExpiredSessions.seed(data);
    server = GatehouseProcess.start(data, 0, "--aws-port", "0");
    GatehouseProcess.AwsEndpoint aws = server.aws();
    endpoint = aws.url();
    // The administrator's key as the printed exports lead to it: profile AWS_PROFILE in the two files.
    ProfileFile files = ProfileFile.aggregator()
        .addFile(ProfileFile.builder().content(Path.of(aws.exports().get("AWS_CONFIG_FILE")))
            .type(ProfileFile.Type.CONFIGURATION).build())
        .addFile(ProfileFile.builder().content(Path.of(aws.exports().get("AWS_SHARED_CREDENTIALS_FILE")))
            .type(ProfileFile.Type.CREDENTIALS).build())
        .build();
    String profile = aws.exports().get("AWS_PROFILE");
    assertThat(files.profile(profile).flatMap(p -> p.property("region"))).hasValue("us-east-1");
    admin = ProfileCredentialsProvider.builder().profileFile(files).profileName(profile).build().resolveCredentials();
    iam = iam(StaticCredentialsProvider.create(admin));
  }

  @AfterAll
  void stop() throws Exception {
    for (AutoCloseable c : clients) {
      c.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void theWalkthroughWorksWithTheJavaSdk() throws Exception {
    String describeDocument = policy("eks-describe.json");
    String trustDocument = policy("eks-viewer-trust.json");
    String assumeDocument = policy("eks-viewer-assume.json");
    User user = iam.createUser(r -> r.userName("dev1")).user();
    assertThat(user.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/dev1");
    var key = iam.createAccessKey(r -> r.userName("dev1")).accessKey();
    assertThat(key.accessKeyId()).startsWith("AKIA").hasSize(20);
    iam.createGroup(r -> r.groupName("Developers"));
    iam.addUserToGroup(r -> r.groupName("Developers").userName("dev1"));
    String describe = iam.createPolicy(r -> r.policyName("EKSMyExampleDescribe")
        .policyDocument(describeDocument)).policy().arn();
    Role role = iam.createRole(r -> r.roleName("EKSMyExampleViewer")
        .assumeRolePolicyDocument(trustDocument)).role();
    viewerRoleId = role.roleId();
    iam.attachRolePolicy(r -> r.roleName("EKSMyExampleViewer").policyArn(describe));
    String assume = iam.createPolicy(r -> r.policyName("EKSMyExampleViewerRoleAssume")
        .policyDocument(assumeDocument)).policy().arn();
    iam.attachGroupPolicy(r -> r.groupName("Developers").policyArn(assume));
    assertThat(iam.getGroup(r -> r.groupName("Developers")).users()).extracting(User::userName)
        .containsExactly("dev1");
    assertThat(iam.listAttachedRolePolicies(r -> r.roleName("EKSMyExampleViewer")).attachedPolicies())
        .extracting(AttachedPolicy::policyArn).containsExactly(describe);

    var developer = StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(),
        key.secretAccessKey()));
    AwsServiceException denied = refusal(() -> iam(developer).listUsers());
    assertRefusal(denied, 403, "AccessDenied", "User: arn:aws:iam::" + ACCOUNT + ":user/dev1 is not authorized to"
        + " perform: iam:ListUsers on resource: arn:aws:iam::" + ACCOUNT + ":user/ because no identity-based policy"
        + " allows the iam:ListUsers action");

    AssumeRoleResponse assumed = sts(developer).assumeRole(r -> r.roleArn(role.arn()).roleSessionName("sdk-session"));
    String sessionArn = "arn:aws:sts::" + ACCOUNT + ":assumed-role/EKSMyExampleViewer/sdk-session";
    assertThat(assumed.assumedRoleUser().arn()).isEqualTo(sessionArn);
    assertThat(assumed.credentials().accessKeyId()).startsWith("ASIA");
    var session = StaticCredentialsProvider.create(AwsSessionCredentials.create(assumed.credentials().accessKeyId(),
        assumed.credentials().secretAccessKey(), assumed.credentials().sessionToken()));
    GetCallerIdentityResponse identity = sts(session).getCallerIdentity();
    assertThat(identity.arn()).isEqualTo(sessionArn);
    assertThat(identity.userId()).isEqualTo(viewerRoleId + ":sdk-session");
    assertThat(identity.account()).isEqualTo(ACCOUNT);
    assertRefusal(refusal(() -> iam(session).listRoles()), 403, "AccessDenied", "User: " + sessionArn
        + " is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::" + ACCOUNT + ":role/ because no"
        + " identity-based policy allows the iam:ListRoles action");
  }

  @Test
  @Order(2)
  void getRoleReturnsTheTrustPolicyUrlEncoded() throws Exception {
    // IAM sends policy documents URL-encoded and the Java SDK, unlike botocore, hands them over as they came.
    String document = iam.getRole(r -> r.roleName("EKSMyExampleViewer")).role().assumeRolePolicyDocument();
    assertThat(document).startsWith("%7B").doesNotContain("{", "\"", " ", "+");
    assertThat(JSON.readTree(URLDecoder.decode(document, StandardCharsets.UTF_8)))
        .isEqualTo(JSON.readTree(policy("eks-viewer-trust.json")));
  }

  @Test
  @Order(3)
  void anExpiredSessionTokenIsExpiredToken() {
    ExpiredSessions.Credentials expired = expiredSessions.expiredRoleSession(ACCOUNT, "EKSMyExampleViewer",
        viewerRoleId, "sdk-session");
    var credentials = StaticCredentialsProvider.create(AwsSessionCredentials.create(expired.accessKeyId(),
        expired.secretAccessKey(), expired.sessionToken()));
    assertRefusal(refusal(() -> sts(credentials).getCallerIdentity()), 403, "ExpiredToken",
        "The security token included in the request is expired");
  }

  @Test
  @Order(4)
  void aWrongSecretAndAnUnknownKeyAreRefused() {
    var wrongSecret = StaticCredentialsProvider.create(AwsBasicCredentials.create(admin.accessKeyId(),
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    assertRefusal(refusal(() -> iam(wrongSecret).listUsers()), 403, "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret"
            + " Access Key and signing method. Consult the service documentation for details.");
    var unknown = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    assertRefusal(refusal(() -> sts(unknown).getCallerIdentity()), 403, "InvalidClientTokenId",
        "The security token included in the request is invalid.");
  }

  @TestFactory
  @Order(5)
  Stream<DynamicTest> badInputIsRefusedPrecisely() throws Exception {
    List<BadRequestCases.Case> cases;
    try (InputStream in = getClass().getResourceAsStream("/aws/bad-requests.yaml")) {
      assertThat(in).as("bad-requests.yaml").isNotNull();
      cases = BadRequestCases.load(in);
    }
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      int index = 0;
      for (BadRequestCases.Step step : c.steps()) {
        index++;
        String where = c.name() + ", step " + index + (step.bug() == null ? "" : " (known Gatehouse deviation: "
            + step.bug() + ")");
        run(step, where);
      }
    }));
  }

  private void run(BadRequestCases.Step step, String where) throws Exception {
    byte[] body = step.body();
    String signing = step.signingOrDefault();
    SdkHttpRequest request;
    if (signing.equals("valid")) {
      request = sign(step.serviceOrDefault(), Clock.systemUTC(), body);
    } else if (signing.equals("none")) {
      request = QueryCall.unsigned(endpoint, Map.of());
    } else if (signing.startsWith("clock:")) {
      Duration offset = Duration.ofMinutes(Long.parseLong(signing.substring("clock:".length()).replace("m", "")
          .replace("+", "")));
      request = sign(step.serviceOrDefault(), Clock.offset(Clock.systemUTC(), offset), body);
    } else if (signing.startsWith("scope:")) {
      request = sign(signing.substring("scope:".length()), Clock.systemUTC(), body);
    } else if (signing.equals("body-swapped")) {
      request = sign(step.serviceOrDefault(), Clock.systemUTC(), BadRequestCases.form(step.signedParams()));
    } else if (signing.startsWith("authorization:")) {
      request = QueryCall.unsigned(endpoint, Map.of("Authorization", signing.substring("authorization:".length()),
          "X-Amz-Date", AMZ_DATE.format(Instant.now())));
    } else {
      throw new IllegalArgumentException(where + ": unknown signing " + signing);
    }
    QueryCall.Answer answer = QueryCall.send(request, body, step.h2c());
    String shown = where + "\n--- answer " + answer.status() + " ---\n" + answer.body();
    BadRequestCases.Expect expect = step.expect();
    assertThat(answer.status()).as(shown).isLessThan(500).isEqualTo(expect.status());
    if (expect.code() != null) {
      assertThat(answer.error()).as(shown + "\nan <ErrorResponse>").isPresent();
      QueryCall.AwsErrorXml error = answer.error().get();
      assertThat(error.code()).as(shown).isEqualTo(expect.code());
      assertThat(error.type()).as(shown).isEqualTo("Sender");
      assertThat(error.requestId()).as(shown).isNotBlank();
      assertThat(answer.header("x-amzn-RequestId")).as(shown + "\nx-amzn-RequestId").hasValue(error.requestId());
      assertThat(answer.header("Content-Type")).as(shown).hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
      if (expect.message() != null) {
        assertThat(error.message()).as(shown).isEqualTo(expect.message());
      }
      if (expect.messagePattern() != null) {
        String amzDate = request.firstMatchingHeader("X-Amz-Date").orElse("(unsigned)");
        Pattern pattern = Pattern.compile(expect.messagePattern().replace("${amzDate}", Pattern.quote(amzDate)));
        assertThat(error.message()).as(shown).matches(pattern);
      }
    }
    if (expect.bodyContains() != null) {
      assertThat(answer.body()).as(shown).contains(expect.bodyContains());
    }
    if (expect.bodyLacks() != null) {
      assertThat(answer.body()).as(shown).doesNotContain(expect.bodyLacks());
    }
  }

  private SdkHttpRequest sign(String service, Clock clock, byte[] body) {
    return QueryCall.sign(endpoint, service, admin.accessKeyId(), admin.secretAccessKey(), clock, body);
  }

  // --- SDK clients --------------------------------------------------------------------------------------------

  private IamClient iam(AwsCredentialsProvider credentials) {
    IamClient client = IamClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
        .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    clients.add(client);
    return client;
  }

  private StsClient sts(AwsCredentialsProvider credentials) {
    StsClient client = StsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
        .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    clients.add(client);
    return client;
  }

  private static AwsServiceException refusal(ThrowingCallable call) {
    AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call);
    assertThat(e).as("the call is refused with a service error").isNotNull();
    return e;
  }

  private void assertRefusal(AwsServiceException e, int status, String code, String message) {
    String shown = e + "\n--- server log (tail) ---\n" + tail(server.log());
    assertThat(e.statusCode()).as(shown).isEqualTo(status);
    assertThat(e.awsErrorDetails().errorCode()).as(shown).isEqualTo(code);
    assertThat(e.awsErrorDetails().errorMessage()).as(shown).isEqualTo(message);
    assertThat(e.requestId()).as(shown).isNotBlank();
  }

  private static String policy(String name) throws java.io.IOException {
    return AwsResources.text("policies/" + name);
  }

  private static String tail(String log) {
    return log.substring(Math.max(0, log.length() - 3000));
  }
}
