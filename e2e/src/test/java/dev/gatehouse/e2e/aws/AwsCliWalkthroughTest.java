package dev.gatehouse.e2e.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.e2e.GatehouseProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IAM part of the walkthrough "a developer in group Developers may assume role EKSMyExampleViewer, which may
 * eks:DescribeCluster", driven with the real aws CLI (v1) against one Gatehouse, followed by the refusals a user
 * meets on the way: each asserted as the exact line the CLI prints.
 *
 * <p>The methods run in order and build on each other (the walkthrough first), as a user at a shell would.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsCliWalkthroughTest {
  private static final String ACCOUNT = "123456789012";
  private static final String VIEWER_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/EKSMyExampleViewer";
  private static final String DESCRIBE_POLICY = "arn:aws:iam::" + ACCOUNT + ":policy/EKSMyExampleDescribe";
  private static final String SESSION = "dev1-walkthrough";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path temp;

  private GatehouseProcess server;
  private ExpiredSessions expiredSessions;
  private Map<String, String> printedExports;
  private Profiles profiles;
  private Path home;
  private String viewerRoleId;
  private String dev1KeyId;

  @BeforeAll
  void start() throws Exception {
    AwsClients.requireAwsCli();
    Path data = temp.resolve("data");
    expiredSessions = ExpiredSessions.seed(data);
    server = GatehouseProcess.start(data, 0, "--aws-port", "0");
    GatehouseProcess.AwsEndpoint aws = server.aws();
    printedExports = aws.exports();
    assertThat(printedExports).containsKeys("AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE")
        .containsEntry("AWS_PROFILE", "gatehouse-admin").containsEntry("AWS_ENDPOINT_URL", aws.url());
    assertThat(aws.url()).startsWith("http://127.0.0.1:");
    home = Files.createDirectories(temp.resolve("home"));
    profiles = Profiles.copyOf(Path.of(printedExports.get("AWS_CONFIG_FILE")),
        Path.of(printedExports.get("AWS_SHARED_CREDENTIALS_FILE")), temp.resolve("aws"));
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void thePrintedExportsWorkAsTheyAre() throws Exception {
    Map<String, String> env = new LinkedHashMap<>(printedExports);
    env.put("HOME", home.toString());
    Subprocess.Result r = Subprocess.run(List.of("aws", "sts", "get-caller-identity", "--output", "json"), env, temp,
        60);
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(json(r).get("Arn").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/gatehouse-admin");
  }

  @Test
  @Order(2)
  void theAdministratorSetsUpTheWalkthrough() throws Exception {
    JsonNode user = ok(admin("iam", "create-user", "--user-name", "dev1")).get("User");
    assertThat(user.get("Arn").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/dev1");
    assertThat(user.get("UserId").asText()).startsWith("AIDA");

    JsonNode key = ok(admin("iam", "create-access-key", "--user-name", "dev1")).get("AccessKey");
    assertThat(key.get("Status").asText()).isEqualTo("Active");
    dev1KeyId = key.get("AccessKeyId").asText();
    assertThat(dev1KeyId).startsWith("AKIA").hasSize(20);
    String secret = key.get("SecretAccessKey").asText();
    assertThat(secret).hasSize(40);

    assertThat(ok(admin("iam", "create-group", "--group-name", "Developers")).at("/Group/Arn").asText())
        .isEqualTo("arn:aws:iam::" + ACCOUNT + ":group/Developers");
    okEmpty(admin("iam", "add-user-to-group", "--user-name", "dev1", "--group-name", "Developers"));

    assertThat(ok(admin("iam", "create-policy", "--policy-name", "EKSMyExampleDescribe", "--policy-document",
        policyFile("eks-describe.json"))).at("/Policy/Arn").asText()).isEqualTo(DESCRIBE_POLICY);
    JsonNode role = ok(admin("iam", "create-role", "--role-name", "EKSMyExampleViewer",
        "--assume-role-policy-document", policyFile("eks-viewer-trust.json"))).get("Role");
    assertThat(role.get("Arn").asText()).isEqualTo(VIEWER_ROLE);
    viewerRoleId = role.get("RoleId").asText();
    assertThat(viewerRoleId).startsWith("AROA");
    okEmpty(admin("iam", "attach-role-policy", "--role-name", "EKSMyExampleViewer", "--policy-arn",
        DESCRIBE_POLICY));

    String assumePolicy = ok(admin("iam", "create-policy", "--policy-name", "EKSMyExampleViewerRoleAssume",
        "--policy-document", policyFile("eks-viewer-assume.json"))).at("/Policy/Arn").asText();
    okEmpty(admin("iam", "attach-group-policy", "--group-name", "Developers", "--policy-arn", assumePolicy));

    profiles.keys("dev1", dev1KeyId, secret, null)
        .profile("dev1", Map.of("region", "us-east-1"))
        .profile("dev1-eks", orderedMap("region", "us-east-1", "role_arn", VIEWER_ROLE, "source_profile", "dev1",
            "role_session_name", SESSION));
  }

  @Test
  @Order(3)
  void theDevelopersOwnCallIsDeniedWithAwsMessage() throws Exception {
    refused(aws("--profile", "dev1", "iam", "list-users"), "AccessDenied", "ListUsers",
        "User: arn:aws:iam::" + ACCOUNT + ":user/dev1 is not authorized to perform: iam:ListUsers on resource:"
            + " arn:aws:iam::" + ACCOUNT + ":user/ because no identity-based policy allows the iam:ListUsers action");
  }

  @Test
  @Order(4)
  void theRoleProfileAssumesTheViewerRole() throws Exception {
    JsonNode identity = ok(aws("--profile", "dev1-eks", "sts", "get-caller-identity"));
    assertThat(identity.get("Arn").asText())
        .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/EKSMyExampleViewer/" + SESSION);
    assertThat(identity.get("UserId").asText()).isEqualTo(viewerRoleId + ":" + SESSION);
    assertThat(identity.get("Account").asText()).isEqualTo(ACCOUNT);
  }

  @Test
  @Order(5)
  void theRoleSessionIsDeniedWhatTheRoleDoesNotAllow() throws Exception {
    refused(aws("--profile", "dev1-eks", "iam", "list-roles"), "AccessDenied", "ListRoles",
        "User: arn:aws:sts::" + ACCOUNT + ":assumed-role/EKSMyExampleViewer/" + SESSION
            + " is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::" + ACCOUNT
            + ":role/ because no identity-based policy allows the iam:ListRoles action");
  }

  @Test
  @Order(6)
  void aTrustPolicyRequiringAnExternalIdRefusesAWrongOne() throws Exception {
    ok(admin("iam", "create-role", "--role-name", "PartnerAudit", "--assume-role-policy-document",
        policyFile("partner-trust.json")));
    String partnerRole = "arn:aws:iam::" + ACCOUNT + ":role/PartnerAudit";
    String denied = "User: arn:aws:iam::" + ACCOUNT + ":user/dev1 is not authorized to perform: sts:AssumeRole on"
        + " resource: " + partnerRole;
    refused(aws("--profile", "dev1", "sts", "assume-role", "--role-arn", partnerRole, "--role-session-name", "audit",
        "--external-id", "Unicorn-41"), "AccessDenied", "AssumeRole", denied);

    JsonNode assumed = ok(aws("--profile", "dev1", "sts", "assume-role", "--role-arn", partnerRole,
        "--role-session-name", "audit", "--external-id", "Unicorn-42"));
    assertThat(assumed.at("/AssumedRoleUser/Arn").asText())
        .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/PartnerAudit/audit");
    assertThat(assumed.at("/Credentials/AccessKeyId").asText()).startsWith("ASIA");
    assertThat(assumed.at("/Credentials/SessionToken").asText()).isNotEmpty();
  }

  @Test
  @Order(7)
  void anExpiredSessionTokenIsRefused() throws Exception {
    ExpiredSessions.Credentials expired = expiredSessions.expiredRoleSession(ACCOUNT, "EKSMyExampleViewer",
        viewerRoleId, SESSION);
    profiles.keys("expired", expired.accessKeyId(), expired.secretAccessKey(), expired.sessionToken())
        .profile("expired", Map.of("region", "us-east-1"));
    refused(aws("--profile", "expired", "sts", "get-caller-identity"), "ExpiredToken", "GetCallerIdentity",
        "The security token included in the request is expired");
  }

  @Test
  @Order(8)
  void aSignatureMadeWithTheWrongSecretIsRefused() throws Exception {
    profiles.keys("tampered", dev1KeyId, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null)
        .profile("tampered", Map.of("region", "us-east-1"));
    String message = "The request signature we calculated does not match the signature you provided. Check your"
        + " AWS Secret Access Key and signing method. Consult the service documentation for details.";
    refused(aws("--profile", "tampered", "iam", "get-user"), "SignatureDoesNotMatch", "GetUser", message);
  }

  @Test
  @Order(9)
  void anUnknownAccessKeyIsRefused() throws Exception {
    profiles.keys("unknown", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null)
        .profile("unknown", Map.of("region", "us-east-1"));
    refused(aws("--profile", "unknown", "sts", "get-caller-identity"), "InvalidClientTokenId", "GetCallerIdentity",
        "The security token included in the request is invalid.");
  }

  @Test
  @Order(10)
  void getRoleShowsTheTrustPolicyDecoded() throws Exception {
    // IAM sends the document URL-encoded; botocore decodes and parses it, so the CLI prints it as JSON.
    JsonNode role = ok(admin("iam", "get-role", "--role-name", "EKSMyExampleViewer")).get("Role");
    assertThat(role.get("AssumeRolePolicyDocument"))
        .isEqualTo(JSON.readTree(AwsResources.text("policies/eks-viewer-trust.json")));
    assertThat(role.get("RoleId").asText()).isEqualTo(viewerRoleId);
  }

  @Test
  @Order(11)
  void listUsersPaginatesAcrossPages() throws Exception {
    // --page-size 1: the CLI follows IsTruncated/Marker through one server page per user.
    List<String> all = names(ok(admin("iam", "list-users", "--page-size", "1")).get("Users"), "UserName");
    assertThat(all).containsExactlyInAnyOrder("gatehouse-admin", "dev1");

    JsonNode first = ok(admin("iam", "list-users", "--page-size", "1", "--max-items", "1"));
    assertThat(first.get("NextToken")).as("a token for the rest").isNotNull();
    JsonNode rest = ok(admin("iam", "list-users", "--page-size", "1", "--max-items", "1", "--starting-token",
        first.get("NextToken").asText()));
    assertThat(rest.has("NextToken")).as("no token after the last page").isFalse();
    List<String> paged = new ArrayList<>(names(first.get("Users"), "UserName"));
    assertThat(paged).hasSize(1);
    paged.addAll(names(rest.get("Users"), "UserName"));
    assertThat(paged).as("two pages of one, in the order of the full listing").containsExactlyElementsOf(all);
  }

  @Test
  @Order(12)
  void aMalformedPolicyIsRefusedAndNotCreated() throws Exception {
    refused(admin("iam", "create-policy", "--policy-name", "BrokenPolicy", "--policy-document",
        policyFile("missing-resource.json")), "MalformedPolicyDocument", "CreatePolicy",
        "Policy statement must contain resources.");
    refused(admin("iam", "get-policy", "--policy-arn", "arn:aws:iam::" + ACCOUNT + ":policy/BrokenPolicy"),
        "NoSuchEntity", "GetPolicy", "Policy arn:aws:iam::" + ACCOUNT + ":policy/BrokenPolicy was not found.");
  }

  @Test
  @Order(13)
  void aManagedPolicyKeepsAtMostFiveVersions() throws Exception {
    for (int version = 2; version <= 5; version++) {
      assertThat(ok(admin("iam", "create-policy-version", "--policy-arn", DESCRIBE_POLICY, "--policy-document",
          policyFile("eks-describe.json"))).at("/PolicyVersion/VersionId").asText()).isEqualTo("v" + version);
    }
    refused(admin("iam", "create-policy-version", "--policy-arn", DESCRIBE_POLICY, "--policy-document",
        policyFile("eks-describe.json")), "LimitExceeded", "CreatePolicyVersion",
        "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing"
            + " version.");
    JsonNode versions = ok(admin("iam", "list-policy-versions", "--policy-arn", DESCRIBE_POLICY)).get("Versions");
    assertThat(names(versions, "VersionId")).containsExactlyInAnyOrder("v1", "v2", "v3", "v4", "v5");
    for (JsonNode v : versions) {
      assertThat(v.get("IsDefaultVersion").asBoolean()).as(v.toString()).isEqualTo(v.get("VersionId").asText()
          .equals("v1"));
    }
  }

  // --- running the CLI ----------------------------------------------------------------------------------------

  private Subprocess.Result admin(String... args) throws IOException, InterruptedException {
    List<String> withProfile = new ArrayList<>(List.of("--profile", "gatehouse-admin"));
    withProfile.addAll(List.of(args));
    return aws(withProfile.toArray(String[]::new));
  }

  private Subprocess.Result aws(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("aws", "--output", "json"));
    command.addAll(List.of(args));
    Map<String, String> env = Map.of("HOME", home.toString(), "AWS_CONFIG_FILE", profiles.config().toString(),
        "AWS_SHARED_CREDENTIALS_FILE", profiles.credentials().toString(), "AWS_ENDPOINT_URL",
        printedExports.get("AWS_ENDPOINT_URL"));
    return Subprocess.run(command, env, temp, 60);
  }

  private String policyFile(String name) throws IOException {
    Path file = temp.resolve("policies").resolve(name);
    if (!Files.exists(file)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, AwsResources.text("policies/" + name));
    }
    return "file://" + file;
  }

  private JsonNode ok(Subprocess.Result r) throws IOException {
    assertThat(r.exitCode()).as(r.describe() + serverLogTail()).isZero();
    return json(r);
  }

  private void okEmpty(Subprocess.Result r) {
    assertThat(r.exitCode()).as(r.describe() + serverLogTail()).isZero();
    assertThat(r.stdout()).as("no output").isEmpty();
  }

  /**
   * The CLI's one-line report of a service error, exactly as botocore formats it, as the last line of stderr (an
   * interpreter may print deprecation warnings before it); exit status 255 (CLI v1).
   */
  private void refused(Subprocess.Result r, String code, String operation, String message) {
    String[] lines = r.stderr().strip().split("\n");
    assertThat(lines[lines.length - 1]).as(r.describe())
        .isEqualTo("An error occurred (" + code + ") when calling the " + operation + " operation: " + message);
    assertThat(r.exitCode()).isEqualTo(255);
    assertThat(r.stdout()).isEmpty();
  }

  private static JsonNode json(Subprocess.Result r) throws IOException {
    return JSON.readTree(r.stdout());
  }

  private static List<String> names(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  private static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private String serverLogTail() {
    String log = server.log();
    return "\n--- server log (tail) ---\n" + log.substring(Math.max(0, log.length() - 3000));
  }
}
