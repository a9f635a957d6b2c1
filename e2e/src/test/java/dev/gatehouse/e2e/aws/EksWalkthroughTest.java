package dev.gatehouse.e2e.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.e2e.GatehouseProcess;
import dev.gatehouse.e2e.Kubectl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The EKS identity chain with nothing but the real {@code aws} CLI and the real {@code kubectl}: an
 * administrator creates a cluster and the IAM entities, a developer reaches the cluster through a role with
 * {@code aws eks update-kubeconfig} / {@code aws eks get-token}, and is let in first by the aws-auth ConfigMap,
 * then (on a second cluster) by an EKS access entry whose removal locks them out again.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EksWalkthroughTest {
  private static final String ACCOUNT = "123456789012";
  private static final String REGION = "us-east-1";
  private static final String CLUSTER_ARN = "arn:aws:eks:" + REGION + ":" + ACCOUNT + ":cluster/demo";
  private static final String VIEWER_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/EKSMyExampleViewer";
  private static final String FORBIDDEN_NODES = "Error from server (Forbidden): nodes is forbidden: User \"developer\""
      + " cannot list resource \"nodes\" in API group \"\" at the cluster scope";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path temp;

  private GatehouseProcess server;
  private Map<String, String> exports;
  private Path home;
  /** The developer's own HOME, so their kubectl starts with a cold discovery cache. */
  private Path developerHome;
  private Profiles profiles;
  private AwsCli cli;
  private Kubectl admin;

  @BeforeAll
  void start() throws Exception {
    AwsClients.requireAwsCli();
    Kubectl.require();
    server = GatehouseProcess.start(temp.resolve("data"), 0, "--cluster", "seed");
    exports = server.aws().exports();
    home = Files.createDirectories(temp.resolve("home"));
    developerHome = Files.createDirectories(temp.resolve("developer-home"));
    profiles = Profiles.copyOf(Path.of(exports.get("AWS_CONFIG_FILE")), Path.of(exports.get("AWS_SHARED_CREDENTIALS_FILE")),
        temp.resolve("aws"));
    admin = new Kubectl(home, server.kubeconfig(), temp);
    // KUBECONFIG: update-kubeconfig is always given --kubeconfig; nothing may touch a default one
    cli = new AwsCli(temp, home, profiles, Map.of("AWS_ENDPOINT_URL", exports.get("AWS_ENDPOINT_URL"),
        "KUBECONFIG", temp.resolve("unused.kubeconfig").toString()));
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void administratorCreatesTheClusterAndTheIamEntities() throws Exception {
    String eksTrust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
        + "\"eks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    ok(aws("gatehouse-admin", "iam", "create-role", "--role-name", "eksClusterRole", "--assume-role-policy-document", eksTrust));
    JsonNode cluster = ok(aws("gatehouse-admin", "eks", "create-cluster", "--name", "demo", "--role-arn",
        "arn:aws:iam::" + ACCOUNT + ":role/eksClusterRole", "--resources-vpc-config", "subnetIds=subnet-1,subnet-2"))
        .get("cluster");
    assertThat(cluster.get("arn").asText()).isEqualTo(CLUSTER_ARN);
    assertThat(cluster.get("endpoint").asText()).isEqualTo(server.url() + "/clusters/demo");
    assertThat(cluster.at("/accessConfig/authenticationMode").asText()).isEqualTo("CONFIG_MAP");

    ok(aws("gatehouse-admin", "iam", "create-user", "--user-name", "dev1"));
    JsonNode key = ok(aws("gatehouse-admin", "iam", "create-access-key", "--user-name", "dev1")).get("AccessKey");
    profiles.keys("dev1", key.get("AccessKeyId").asText(), key.get("SecretAccessKey").asText(), null)
        .profile("dev1", Map.of("region", REGION))
        .profile("dev1-eks", Map.of("role_arn", VIEWER_ROLE, "source_profile", "dev1", "region", REGION));
    ok(aws("gatehouse-admin", "iam", "create-group", "--group-name", "Developers"));
    ok(aws("gatehouse-admin", "iam", "add-user-to-group", "--group-name", "Developers", "--user-name", "dev1"));
    String describe = policy("eks:DescribeCluster", CLUSTER_ARN);
    String describeArn = ok(aws("gatehouse-admin", "iam", "create-policy", "--policy-name", "EKSMyExampleDescribe",
        "--policy-document", describe)).at("/Policy/Arn").asText();
    String rootTrust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
        + "\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    ok(aws("gatehouse-admin", "iam", "create-role", "--role-name", "EKSMyExampleViewer", "--assume-role-policy-document", rootTrust));
    ok(aws("gatehouse-admin", "iam", "attach-role-policy", "--role-name", "EKSMyExampleViewer", "--policy-arn", describeArn));
    String assumeArn = ok(aws("gatehouse-admin", "iam", "create-policy", "--policy-name", "EKSMyExampleViewerRoleAssume",
        "--policy-document", policy("sts:AssumeRole", VIEWER_ROLE))).at("/Policy/Arn").asText();
    ok(aws("gatehouse-admin", "iam", "attach-group-policy", "--group-name", "Developers", "--policy-arn", assumeArn));

    // something for the developer to list later
    Kubectl.Result pod = admin.run(List.of("--context", "demo", "run", "web", "--image=nginx"), null, 60);
    assertThat(pod.exitCode()).as(pod.stderr()).isZero();
  }

  @Test
  @Order(2)
  void describeClusterNeedsTheRole() throws Exception {
    refused(aws("dev1", "eks", "describe-cluster", "--name", "demo"), "AccessDeniedException", "DescribeCluster",
        "User: arn:aws:iam::" + ACCOUNT + ":user/dev1 is not authorized to perform: eks:DescribeCluster on resource: "
            + CLUSTER_ARN);
    JsonNode cluster = ok(aws("dev1-eks", "eks", "describe-cluster", "--name", "demo")).get("cluster");
    assertThat(cluster.get("status").asText()).isEqualTo("ACTIVE");
  }

  @Test
  @Order(3)
  void anUnmappedRoleIsUnauthorized() throws Exception {
    Path kubeconfig = temp.resolve("dev1.kubeconfig");
    Subprocess.Result update = aws("dev1-eks", "eks", "update-kubeconfig", "--name", "demo", "--kubeconfig",
        kubeconfig.toString());
    assertThat(update.exitCode()).as(update.describe()).isZero();
    assertThat(update.stdout().strip()).isEqualTo("Added new context " + CLUSTER_ARN + " to " + kubeconfig);
    String written = Files.readString(kubeconfig);
    assertThat(written).contains("- get-token").contains("command: aws").contains("value: dev1-eks");

    Kubectl.Result cold = developer(kubeconfig, "get", "pods", "-A");
    assertThat(cold.exitCode()).isEqualTo(1);
    assertThat(lastLine(cold.stderr()))
        .isEqualTo("error: You must be logged in to the server (the server has asked for the client to provide credentials)");

    // the administrator's kubectl warms the discovery cache of this server URL in the developer's HOME
    assertThat(new Kubectl(developerHome, server.kubeconfig(), temp).run(List.of("--context", "demo", "get", "namespaces"),
        null, 60).exitCode()).isZero();
    Kubectl.Result warm = developer(kubeconfig, "get", "pods", "-A");
    assertThat(warm.exitCode()).isEqualTo(1);
    assertThat(lastLine(warm.stderr())).isEqualTo("error: You must be logged in to the server (Unauthorized)");

    // the caller saw only the generic 401; why it was refused is in the server log and the audit log
    String reason = "identity is not mapped: arn:aws:sts::" + ACCOUNT + ":assumed-role/EKSMyExampleViewer/";
    assertThat(server.log()).contains(reason);
    assertThat(Files.readString(temp.resolve("data").resolve("audit.log")))
        .contains("\"authentication.gatehouse.dev/failure\":\"" + reason);
  }

  @Test
  @Order(4)
  void theAwsAuthConfigMapLetsTheRoleIn() throws Exception {
    applyAsAdmin("demo", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: developers-view
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: view
        subjects:
        - apiGroup: rbac.authorization.k8s.io
          kind: Group
          name: developers
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: aws-auth
          namespace: kube-system
        data:
          mapRoles: |
            - rolearn: %s
              username: developer
              groups:
              - developers
        """.formatted(VIEWER_ROLE));
    Path kubeconfig = temp.resolve("dev1.kubeconfig");
    Kubectl.Result pods = developer(kubeconfig, "get", "pods", "-A");
    assertThat(pods.exitCode()).as(pods.stderr()).isZero();
    assertThat(pods.stdout()).contains("default").contains("web");
    Kubectl.Result nodes = developer(kubeconfig, "get", "nodes");
    assertThat(nodes.exitCode()).isEqualTo(1);
    assertThat(lastLine(nodes.stderr())).isEqualTo(FORBIDDEN_NODES);
  }

  @Test
  @Order(5)
  void malformedAwsAuthIsReportedAndTheLastValidMappingStays() throws Exception {
    Kubectl.Result bad = admin.run(List.of("--context", "demo", "-n", "kube-system", "patch", "configmap", "aws-auth",
        "--type", "merge", "-p", "{\"data\":{\"mapRoles\":\"- rolearn: [unclosed\"}}"), null, 60);
    assertThat(bad.exitCode()).as(bad.stderr()).isZero();
    assertThat(bad.stderr()).startsWith("Warning: ").contains("mapRoles");
    Kubectl.Result pods = developer(temp.resolve("dev1.kubeconfig"), "get", "pods", "-A");
    assertThat(pods.exitCode()).as(pods.stderr()).isZero();
    assertThat(server.log()).contains("aws-auth");
  }

  @Test
  @Order(6)
  void anAccessEntryLetsTheRoleInUntilItIsDeleted() throws Exception {
    ok(aws("gatehouse-admin", "eks", "create-cluster", "--name", "demo2", "--role-arn",
        "arn:aws:iam::" + ACCOUNT + ":role/eksClusterRole", "--resources-vpc-config", "subnetIds=subnet-1",
        "--access-config", "authenticationMode=API"));
    ok(aws("gatehouse-admin", "eks", "create-access-entry", "--cluster-name", "demo2", "--principal-arn", VIEWER_ROLE,
        "--username", "developer"));
    ok(aws("gatehouse-admin", "eks", "associate-access-policy", "--cluster-name", "demo2", "--principal-arn", VIEWER_ROLE,
        "--policy-arn", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy", "--access-scope", "type=cluster"));
    assertThat(admin.run(List.of("--context", "demo2", "run", "api", "--image=nginx"), null, 60).exitCode()).isZero();

    // gatehouse kubeconfig: the exec entry carries the STS endpoint, so kubectl needs no AWS_ENDPOINT_URL
    Path kubeconfig = temp.resolve("demo2.kubeconfig");
    Subprocess.Result written = Subprocess.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", GatehouseProcess.jar().toString(), "kubeconfig", "--data-dir", temp.resolve("data").toString(),
        "--cluster", "demo2", "--aws-profile", "dev1-eks", "--kubeconfig", kubeconfig.toString()), Map.of(), temp, 60);
    assertThat(written.exitCode()).as(written.describe()).isZero();
    Map<String, String> env = new LinkedHashMap<>(profileEnv());
    Kubectl developer = new Kubectl(developerHome, kubeconfig, temp, env);

    Kubectl.Result pods = developer.run(List.of("get", "pods", "-A"), null, 90);
    assertThat(pods.exitCode()).as(pods.stderr()).isZero();
    assertThat(pods.stdout()).contains("api");
    Kubectl.Result nodes = developer.run(List.of("get", "nodes"), null, 90);
    assertThat(lastLine(nodes.stderr())).isEqualTo(FORBIDDEN_NODES);

    ok(aws("gatehouse-admin", "eks", "delete-access-entry", "--cluster-name", "demo2", "--principal-arn", VIEWER_ROLE));
    Kubectl.Result revoked = developer.run(List.of("get", "pods", "-A"), null, 90);
    assertThat(revoked.exitCode()).isEqualTo(1);
    assertThat(lastLine(revoked.stderr())).isEqualTo("error: You must be logged in to the server (Unauthorized)");
  }

  @Test
  @Order(7)
  void aTokenReviewAnswersWithTheMappedUser() throws Exception {
    Subprocess.Result token = aws("dev1-eks", "eks", "get-token", "--cluster-name", "demo");
    assertThat(token.exitCode()).as(token.describe()).isZero();
    String value = JSON.readTree(token.stdout()).at("/status/token").asText();
    assertThat(value).startsWith("k8s-aws-v1.");
    Kubectl.Result review = admin.run(List.of("--context", "demo", "create", "--validate=false", "-o", "json", "-f", "-"), """
        {"apiVersion":"authentication.k8s.io/v1","kind":"TokenReview","spec":{"token":"%s"}}""".formatted(value), 60);
    assertThat(review.exitCode()).as(review.stderr()).isZero();
    JsonNode status = JSON.readTree(review.stdout()).get("status");
    assertThat(status.get("authenticated").asBoolean()).isTrue();
    assertThat(status.at("/user/username").asText()).isEqualTo("developer");
    assertThat(JSON.convertValue(status.at("/user/groups"), List.class)).contains("developers", "system:authenticated");
    assertThat(status.at("/user/uid").asText()).startsWith("aws-iam-authenticator:" + ACCOUNT + ":AROA");
    assertThat(status.at("/user/extra/canonicalArn/0").asText()).isEqualTo(VIEWER_ROLE);

    // the same token presented to another cluster fails: it is signed for "demo" only
    Kubectl.Result elsewhere = admin.run(List.of("--context", "seed", "create", "--validate=false", "-o", "json", "-f", "-"), """
        {"apiVersion":"authentication.k8s.io/v1","kind":"TokenReview","spec":{"token":"%s"}}""".formatted(value), 60);
    assertThat(elsewhere.exitCode()).as(elsewhere.stderr()).isZero();
    assertThat(JSON.readTree(elsewhere.stdout()).at("/status/authenticated").asBoolean()).isFalse();
  }

  /**
   * A second Gatehouse that knows nothing of this account, configured (as a kube-apiserver would be) with the
   * first one's TokenReview endpoint for cluster demo as its token webhook: it gets the mapped user and groups.
   */
  @Test
  @Order(8)
  void aServerUsingGatehouseAsItsTokenWebhookGetsTheMappedUser() throws Exception {
    Path pki = temp.resolve("data").resolve("pki");
    Path webhook = temp.resolve("webhook.kubeconfig");
    Files.writeString(webhook, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: gatehouse
          cluster:
            server: %s/clusters/demo/apis/authentication.k8s.io/v1/tokenreviews
            certificate-authority: %s
        users:
        - name: webhook
          user:
            client-certificate: %s
            client-key: %s
        contexts:
        - name: webhook
          context: {cluster: gatehouse, user: webhook}
        current-context: webhook
        """.formatted(server.url(), pki.resolve("ca.crt"), pki.resolve("admin.crt"), pki.resolve("admin.key")));
    try (GatehouseProcess relying = GatehouseProcess.start(temp.resolve("relying"), 0,
        "--authentication-token-webhook-config-file", webhook.toString())) {
      Subprocess.Result token = aws("dev1-eks", "eks", "get-token", "--cluster-name", "demo");
      assertThat(token.exitCode()).as(token.describe()).isZero();
      Path kubeconfig = temp.resolve("relying.kubeconfig");
      Files.writeString(kubeconfig, """
          apiVersion: v1
          kind: Config
          clusters:
          - name: relying
            cluster: {server: %s, certificate-authority: %s}
          users:
          - name: dev
            user: {token: %s}
          contexts:
          - name: relying
            context: {cluster: relying, user: dev}
          current-context: relying
          """.formatted(relying.url(), temp.resolve("relying").resolve("pki").resolve("ca.crt"),
          JSON.readTree(token.stdout()).at("/status/token").asText()));
      Kubectl.Result whoami = new Kubectl(developerHome, kubeconfig, temp).run(List.of("auth", "whoami", "-o", "json"),
          null, 60);
      assertThat(whoami.exitCode()).as(whoami.stderr() + relying.log() + "\n=== first ===\n" + server.log()).isZero();
      JsonNode user = JSON.readTree(whoami.stdout()).at("/status/userInfo");
      assertThat(user.get("username").asText()).isEqualTo("developer");
      assertThat(JSON.convertValue(user.get("groups"), List.class)).contains("developers", "system:authenticated");
      // the relying server's own RBAC decides what the mapped user may do
      Kubectl.Result nodes = new Kubectl(developerHome, kubeconfig, temp).run(List.of("get", "nodes"), null, 60);
      assertThat(lastLine(nodes.stderr())).isEqualTo(FORBIDDEN_NODES);
    }
  }

  private Kubectl.Result developer(Path kubeconfig, String... args) throws Exception {
    Map<String, String> env = new LinkedHashMap<>(profileEnv());
    env.put("AWS_ENDPOINT_URL", exports.get("AWS_ENDPOINT_URL"));
    return new Kubectl(developerHome, kubeconfig, temp, env).run(List.of(args), null, 90);
  }

  private Map<String, String> profileEnv() {
    return AwsCli.profileEnv(profiles);
  }

  private void applyAsAdmin(String context, String yaml) throws Exception {
    Kubectl.Result r = admin.run(List.of("--context", context, "apply", "-f", "-"), yaml, 60);
    assertThat(r.exitCode()).as(r.stderr()).isZero();
  }

  private static String policy(String action, String resource) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
        + "\",\"Resource\":\"" + resource + "\"}]}";
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }

  private Subprocess.Result aws(String profile, String... args) throws IOException, InterruptedException {
    return cli.run(profile, args);
  }

  private static JsonNode ok(Subprocess.Result r) throws IOException {
    return AwsCli.ok(r);
  }

  private static void refused(Subprocess.Result r, String code, String operation, String message) {
    AwsCli.refused(r, code, operation, message);
  }

}
