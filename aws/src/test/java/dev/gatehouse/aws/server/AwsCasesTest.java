package dev.gatehouse.aws.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import dev.gatehouse.aws.sigv4.SigningCredentials;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Runs aws-cases.yaml through the in-process AWS pipeline. */
class AwsCasesTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:10:00Z");
  private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
  private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

  record Case(String name, String as, String service, String accept, List<Map<String, String>> setup,
      Map<String, String> params, int status, String code, String message, List<String> contains) {}

  @TempDir
  static Path dir;
  static AwsTestbed bed;
  static Map<String, SigningCredentials> identities = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    bed = new AwsTestbed(dir.resolve("store"), NOW);
    SigningCredentials admin = bed.admin();
    identities.put("admin", admin);
    identities.put("wrong-secret", SigningCredentials.of(admin.accessKeyId(), "x".repeat(40)));
    identities.put("unknown-key", SigningCredentials.of("AKIAAAAAAAAAAAAAAAAA", "x".repeat(40)));
    ok(admin, "iam", Map.of("Action", "CreateUser", "Version", "2010-05-08", "UserName", "case-dev"));
    ok(admin, "iam", Map.of("Action", "PutUserPolicy", "Version", "2010-05-08", "UserName", "case-dev",
        "PolicyName", "self", "PolicyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Action\":\"iam:GetUser\",\"Resource\":\"arn:aws:iam::123456789012:user/${aws:username}\"},"
            + "{\"Effect\":\"Deny\",\"Action\":\"iam:DeleteUser\",\"Resource\":\"*\"}]}"));
    identities.put("dev", key(ok(admin, "iam", Map.of("Action", "CreateAccessKey", "Version", "2010-05-08",
        "UserName", "case-dev"))));
    ok(admin, "iam", Map.of("Action", "CreateRole", "Version", "2010-05-08", "RoleName", "case-role",
        "AssumeRolePolicyDocument", trust("arn:aws:iam::123456789012:user/gatehouse-admin")));
    ok(admin, "iam", Map.of("Action", "UpdateAssumeRolePolicy", "Version", "2010-05-08", "RoleName", "case-role",
        "PolicyDocument", trust("arn:aws:iam::123456789012:user/gatehouse-admin\",\"arn:aws:iam::123456789012:role/case-role")));
    ok(admin, "iam", Map.of("Action", "PutRolePolicy", "Version", "2010-05-08", "RoleName", "case-role",
        "PolicyName", "roles", "PolicyDocument",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:ListRoles\",\"Resource\":\"*\"}]}"));
    String assumed = ok(admin, "sts", Map.of("Action", "AssumeRole", "Version", "2011-06-15",
        "RoleArn", "arn:aws:iam::123456789012:role/case-role", "RoleSessionName", "case-session"));
    identities.put("session", SigningCredentials.of(between(assumed, "AccessKeyId"), between(assumed, "SecretAccessKey"),
        between(assumed, "SessionToken")));
    String userSession = ok(identities.get("dev"), "sts", Map.of("Action", "GetSessionToken", "Version", "2011-06-15"));
    identities.put("user-session", SigningCredentials.of(between(userSession, "AccessKeyId"),
        between(userSession, "SecretAccessKey"), between(userSession, "SessionToken")));
    // Each identity's first request records its key's last use; do that now so failing cases can check that
    // nothing at all was written.
    for (String id : List.of("dev", "session", "user-session")) {
      ok(identities.get(id), "sts", Map.of("Action", "GetCallerIdentity", "Version", "2011-06-15"));
    }
  }

  @AfterAll
  static void stop() {
    bed.close();
  }

  @TestFactory
  Stream<DynamicTest> cases() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (InputStream in = AwsCasesTest.class.getResourceAsStream("/server/aws-cases.yaml")) {
      Case[] cases = yaml.readValue(in, Case[].class);
      return Stream.of(cases).map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }
  }

  private void run(Case c) {
    if (c.setup() != null) {
      c.setup().forEach(p -> ok(identities.get("admin"), "iam", p));
    }
    String service = c.service() == null ? "iam" : c.service();
    String body = AwsTestbed.form(c.params());
    HttpRequestView request = switch (c.as()) {
      case "unsigned" -> bed.unsigned(body);
      case "skewed" -> bed.signed(body, identities.get("admin"), service, NOW.minus(Duration.ofMinutes(20)));
      case "iam-scope-for-sts" -> bed.signed(body, identities.get("admin"), "iam", NOW);
      default -> bed.signed(body, identities.get(c.as()), service, NOW);
    };
    if (c.accept() != null) {
      request = request.withHeaders(Map.of("Accept", c.accept()));
    }
    long before = bed.entityRevision();
    AwsResponse response = bed.call(request);
    String text = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.status()).as(text).isEqualTo(c.status());
    if (c.code() != null) {
      assertThat(group(CODE, text)).as(text).isEqualTo(c.code());
    }
    if (c.message() != null) {
      assertThat(unescape(group(MESSAGE, text))).as(text).isEqualTo(c.message());
    }
    if (c.contains() != null) {
      assertThat(text).contains(c.contains());
    }
    if (c.status() >= 400) {
      assertThat(bed.entityRevision()).as("a refused request writes nothing").isEqualTo(before);
    }
  }

  static String ok(SigningCredentials creds, String service, Map<String, String> params) {
    AwsResponse r = bed.call(bed.signed(AwsTestbed.form(params), creds, service, NOW));
    String text = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(r.status()).as(params + " → " + text).isEqualTo(200);
    return text;
  }

  private static SigningCredentials key(String createAccessKeyResponse) {
    return SigningCredentials.of(between(createAccessKeyResponse, "AccessKeyId"),
        between(createAccessKeyResponse, "SecretAccessKey"));
  }

  private static String trust(String principals) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"" + principals
        + "\"]},\"Action\":\"sts:AssumeRole\"}]}";
  }

  static String between(String xml, String element) {
    Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
    assertThat(m.find()).as(element + " in " + xml).isTrue();
    return unescape(m.group(1));
  }

  private static String group(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static String unescape(String s) {
    return s == null ? null : s.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&amp;", "&");
  }
}
