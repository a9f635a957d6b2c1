package dev.gatehouse.e2e.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.e2e.GatehouseProcess;
import dev.gatehouse.e2e.Kubectl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real aws CLI over HTTPS ({@code --aws-tls}, trusting the printed {@code AWS_CA_BUNDLE}) against a
 * Gatehouse hosting two accounts: cross-account AssumeRole, and AssumeRoleWithWebIdentity with a token that
 * the real kubectl obtained from one of Gatehouse's own clusters (its service-account issuer as the IAM OIDC
 * provider, IRSA's arrangement).
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsFederationAndAccountsTest {
  private static final String A = "123456789012";
  private static final String B = "210987654321";

  @TempDir
  static Path temp;

  private GatehouseProcess server;
  private Map<String, String> exports;
  private Path home;
  private Profiles profiles;

  @BeforeAll
  void start() throws Exception {
    AwsClients.requireAwsCli();
    Kubectl.require();
    server = GatehouseProcess.start(temp.resolve("data"), 0, "--aws-tls", "--aws-extra-account", B);
    exports = server.aws().exports();
    assertThat(server.aws().url()).startsWith("https://127.0.0.1:");
    assertThat(exports).containsKey("AWS_CA_BUNDLE");
    home = Files.createDirectories(temp.resolve("home"));
    profiles = Profiles.copyOf(Path.of(exports.get("AWS_CONFIG_FILE")), Path.of(exports.get("AWS_SHARED_CREDENTIALS_FILE")),
        temp.resolve("aws"));
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void eachAccountHasItsAdministratorProfileOverHttps() throws Exception {
    assertThat(ok(aws("gatehouse-admin", "sts", "get-caller-identity")).get("Arn").asText())
        .isEqualTo("arn:aws:iam::" + A + ":user/gatehouse-admin");
    assertThat(ok(aws("gatehouse-admin-" + B, "sts", "get-caller-identity")).get("Arn").asText())
        .isEqualTo("arn:aws:iam::" + B + ":user/gatehouse-admin");
  }

  @Test
  void crossAccountAssumeRoleNeedsTrustAndIdentityPolicy() throws Exception {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
        + A + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    ok(aws("gatehouse-admin-" + B, "iam", "create-role", "--role-name", "Partner", "--assume-role-policy-document", trust));
    String role = "arn:aws:iam::" + B + ":role/Partner";

    // A's administrator: B's trust names account A, A's AdministratorAccess allows sts:AssumeRole.
    assertThat(ok(aws("gatehouse-admin", "sts", "assume-role", "--role-arn", role, "--role-session-name", "partner"))
        .at("/AssumedRoleUser/Arn").asText()).isEqualTo("arn:aws:sts::" + B + ":assumed-role/Partner/partner");

    // A user of A with no identity policy: the trust alone is not enough across accounts.
    ok(aws("gatehouse-admin", "iam", "create-user", "--user-name", "plain"));
    JsonNode key = ok(aws("gatehouse-admin", "iam", "create-access-key", "--user-name", "plain")).get("AccessKey");
    profiles.keys("plain", key.get("AccessKeyId").asText(), key.get("SecretAccessKey").asText(), null)
        .profile("plain", Map.of("region", "us-east-1"));
    refused(aws("plain", "sts", "assume-role", "--role-arn", role, "--role-session-name", "partner"), "AccessDenied",
        "AssumeRole", "User: arn:aws:iam::" + A + ":user/plain is not authorized to perform: sts:AssumeRole on resource: "
            + role + " because no identity-based policy allows the sts:AssumeRole action");
  }

  @Test
  void aServiceAccountTokenFromGatehouseBuysRoleCredentials() throws Exception {
    String issuer = server.url();
    String provider = issuer.substring("https://".length());
    assertThat(ok(aws("gatehouse-admin", "iam", "create-open-id-connect-provider", "--url", issuer,
        "--client-id-list", "sts.amazonaws.com")).get("OpenIDConnectProviderArn").asText())
        .isEqualTo("arn:aws:iam::" + A + ":oidc-provider/" + provider);
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
        + "\"arn:aws:iam::" + A + ":oidc-provider/" + provider + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\","
        + "\"Condition\":{\"StringEquals\":{\"" + provider + ":sub\":\"system:serviceaccount:default:app\",\""
        + provider + ":aud\":\"sts.amazonaws.com\"}}}]}";
    ok(aws("gatehouse-admin", "iam", "create-role", "--role-name", "app", "--assume-role-policy-document", trust));
    String role = "arn:aws:iam::" + A + ":role/app";

    Kubectl kubectl = new Kubectl(home, temp.resolve("data").resolve("admin.kubeconfig"), temp);
    for (String sa : List.of("app", "other")) {
      assertThat(kubectl.run(List.of("create", "serviceaccount", sa), null, 60).exitCode()).isZero();
    }
    String appToken = token(kubectl, "app", "sts.amazonaws.com");

    JsonNode assumed = ok(aws(null, "sts", "assume-role-with-web-identity", "--role-arn", role,
        "--role-session-name", "pod", "--web-identity-token", appToken));
    assertThat(assumed.at("/AssumedRoleUser/Arn").asText()).isEqualTo("arn:aws:sts::" + A + ":assumed-role/app/pod");
    assertThat(assumed.get("SubjectFromWebIdentityToken").asText()).isEqualTo("system:serviceaccount:default:app");
    assertThat(assumed.get("Audience").asText()).isEqualTo("sts.amazonaws.com");
    JsonNode creds = assumed.get("Credentials");
    profiles.keys("pod", creds.get("AccessKeyId").asText(), creds.get("SecretAccessKey").asText(),
        creds.get("SessionToken").asText()).profile("pod", Map.of("region", "us-east-1"));
    assertThat(ok(aws("pod", "sts", "get-caller-identity")).get("Arn").asText())
        .isEqualTo("arn:aws:sts::" + A + ":assumed-role/app/pod");

    refused(aws(null, "sts", "assume-role-with-web-identity", "--role-arn", role, "--role-session-name", "pod",
        "--web-identity-token", token(kubectl, "other", "sts.amazonaws.com")), "AccessDenied",
        "AssumeRoleWithWebIdentity", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
    refused(aws(null, "sts", "assume-role-with-web-identity", "--role-arn", role, "--role-session-name", "pod",
        "--web-identity-token", token(kubectl, "app", null)), "InvalidIdentityToken",
        "AssumeRoleWithWebIdentity", "Incorrect token audience");
  }

  private static String token(Kubectl kubectl, String sa, String audience) throws Exception {
    List<String> args = new ArrayList<>(List.of("create", "token", sa));
    if (audience != null) {
      args.addAll(List.of("--audience", audience));
    }
    Kubectl.Result r = kubectl.run(args, null, 60);
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    return r.stdout().strip();
  }

  /** The aws CLI with the printed endpoint and CA bundle; {@code profile} null sends no credentials at all. */
  private Subprocess.Result aws(String profile, String... args) throws IOException, InterruptedException {
    return new AwsCli(temp, home, profiles, Map.of("AWS_ENDPOINT_URL", exports.get("AWS_ENDPOINT_URL"),
        "AWS_CA_BUNDLE", exports.get("AWS_CA_BUNDLE"))).run(profile, args);
  }

  private static JsonNode ok(Subprocess.Result r) throws IOException {
    return AwsCli.ok(r);
  }

  private static void refused(Subprocess.Result r, String code, String operation, String message) {
    AwsCli.refused(r, code, operation, message);
  }
}
