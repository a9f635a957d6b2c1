package dev.gatehouse.aws.eks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatehouse.aws.server.AwsResponse;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import dev.gatehouse.aws.sigv4.SigningCredentials;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs eks-cases.yaml, in order, through the AWS endpoint's handler: SigV4, routing, IAM authorisation, the
 * EKS operations, the fake cluster host. Identities and IAM fixtures are created here; see the file's header.
 */
class EksCasesTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:10:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Run in this order against one store: later files use the clusters and entries earlier ones made. */
  private static final List<String> FILES = List.of("cluster-cases.yaml", "access-entry-cases.yaml",
      "access-policy-cases.yaml");

  record Case(String name, String as, String method, String path, String query, Object body, String rawBody,
      String region, String service, int status, String code, String message, Map<String, Object> json,
      Map<String, String> matches, List<String> absent, Map<String, String> capture, String released) {}

  @TempDir
  static Path dir;
  static EksTestbed bed;
  static final Map<String, SigningCredentials> identities = new LinkedHashMap<>();
  static final Map<String, String> captured = new HashMap<>();

  @BeforeAll
  static void start() {
    bed = new EksTestbed(dir.resolve("store"), NOW, true);
    SigningCredentials admin = bed.admin();
    identities.put("admin", admin);
    identities.put("other-account", bed.otherAccountAdmin());
    identities.put("wrong-secret", SigningCredentials.of(admin.accessKeyId(), "x".repeat(40)));
    identities.put("unknown-key", SigningCredentials.of("AKIAAAAAAAAAAAAAAAAA", "x".repeat(40)));
    identities.put("dev", userWithPolicy("eks-dev", "/", "[{\"Effect\":\"Allow\",\"Action\":\"eks:ListClusters\","
        + "\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Action\":\"eks:DescribeCluster\","
        + "\"Resource\":\"arn:aws:eks:us-east-1:123456789012:cluster/dev-*\"}]"));
    identities.put("limited", userWithPolicy("limited", "/", "[{\"Effect\":\"Allow\",\"Action\":\"eks:*\","
        + "\"Resource\":\"*\"}]"));
    iam(Map.of("Action", "CreateUser", "UserName", "alice"));
    iam(Map.of("Action", "CreateUser", "UserName", "bob", "Path", "/eng/"));
    iam(Map.of("Action", "CreateRole", "RoleName", "node-role", "AssumeRolePolicyDocument", trust()));
    iam(Map.of("Action", "CreateRole", "RoleName", "dev-role", "Path", "/team/", "AssumeRolePolicyDocument", trust()));
    iam(Map.of("Action", "CreateRole", "RoleName", "eks-admin-role", "Path", "/team/", "AssumeRolePolicyDocument",
        trust()));
    iam(Map.of("Action", "AttachRolePolicy", "RoleName", "eks-admin-role", "PolicyArn",
        "arn:aws:iam::aws:policy/AdministratorAccess"));
    String assumed = bed.query(admin, "sts", Map.of("Action", "AssumeRole", "Version", "2011-06-15",
        "RoleArn", "arn:aws:iam::123456789012:role/team/eks-admin-role", "RoleSessionName", "alice-session"));
    identities.put("role-session", SigningCredentials.of(EksTestbed.between(assumed, "AccessKeyId"),
        EksTestbed.between(assumed, "SecretAccessKey"), EksTestbed.between(assumed, "SessionToken")));
  }

  @AfterAll
  static void stop() {
    bed.close();
  }

  @TestFactory
  Stream<DynamicTest> cases() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<Case> all = new java.util.ArrayList<>();
    for (String file : FILES) {
      try (InputStream in = EksCasesTest.class.getResourceAsStream("/eks/" + file)) {
        all.addAll(List.of(yaml.readValue(in, Case[].class)));
      }
    }
    return all.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
  }

  private void run(Case c) throws Exception {
    String body = c.rawBody() != null ? c.rawBody() : c.body() == null ? null : JSON.writeValueAsString(c.body());
    String path = substitute(c.path());
    String query = c.query() == null ? null : substitute(c.query());
    body = body == null ? null : substitute(body);
    String region = c.region() == null ? "us-east-1" : c.region();
    String service = c.service() == null ? "eks" : c.service();
    HttpRequestView request = c.as().equals("unsigned") ? EksTestbed.unsignedRest(c.method(), path, query, body)
        : bed.rest(identities.get(c.as()), c.method(), path, query, body, service, region);
    long before = bed.entityRevision();
    AwsResponse response = bed.call(request);
    String text = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.status()).as(text).isEqualTo(c.status());
    assertThat(response.contentType()).isEqualTo("application/json");
    JsonNode tree = JSON.readTree(text);
    if (c.code() != null) {
      assertThat(response.headers()).as(text).containsEntry("X-Amzn-ErrorType", c.code());
    }
    if (c.message() != null) {
      assertThat(tree.path("message").asText(null)).as(text).isEqualTo(c.message());
    }
    if (c.json() != null) {
      for (Map.Entry<String, Object> e : c.json().entrySet()) {
        assertThat(tree.at(e.getKey())).as(e.getKey() + " in " + text).isEqualTo(JSON.valueToTree(e.getValue()));
      }
    }
    if (c.matches() != null) {
      c.matches().forEach((pointer, regex) -> assertThat(tree.at(pointer).asText()).as(pointer + " in " + text)
          .matches(regex));
    }
    if (c.absent() != null) {
      c.absent().forEach(pointer -> assertThat(tree.at(pointer).isMissingNode()).as(pointer + " in " + text).isTrue());
    }
    if (c.capture() != null) {
      c.capture().forEach((name, pointer) -> captured.put(name, tree.at(pointer).asText()));
    }
    if (c.released() != null) {
      assertThat(bed.host.released()).contains(c.released());
    }
    if (c.status() >= 400) {
      assertThat(bed.entityRevision()).as("a refused request writes nothing").isEqualTo(before);
    }
  }

  private static String substitute(String s) {
    String out = s;
    for (Map.Entry<String, String> e : captured.entrySet()) {
      out = out.replace("${" + e.getKey() + "}", e.getValue());
    }
    return out;
  }

  private static SigningCredentials userWithPolicy(String name, String path, String statements) {
    iam(Map.of("Action", "CreateUser", "UserName", name, "Path", path));
    iam(Map.of("Action", "PutUserPolicy", "UserName", name, "PolicyName", "eks", "PolicyDocument",
        "{\"Version\":\"2012-10-17\",\"Statement\":" + statements + "}"));
    String key = iam(Map.of("Action", "CreateAccessKey", "UserName", name));
    return SigningCredentials.of(EksTestbed.between(key, "AccessKeyId"), EksTestbed.between(key, "SecretAccessKey"));
  }

  private static String iam(Map<String, String> params) {
    Map<String, String> all = new LinkedHashMap<>(params);
    all.put("Version", "2010-05-08");
    return bed.query(bed.admin(), "iam", all);
  }

  private static String trust() {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
        + "\"arn:aws:iam::123456789012:user/gatehouse-admin\"},\"Action\":\"sts:AssumeRole\"}]}";
  }
}
