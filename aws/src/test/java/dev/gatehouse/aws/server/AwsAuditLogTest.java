package dev.gatehouse.aws.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.aws.sigv4.SigningCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS audit log: callers get generic credential errors; the log says why, and never holds a secret. */
class AwsAuditLogTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:10:00Z");

  @Test
  void refusedCredentialsAreExplainedOnlyInTheLog(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("aws-audit.log");
    AwsAuditLog audit = AwsAuditLog.open(file);
    SigningCredentials admin;
    try (AwsTestbed bed = new AwsTestbed(dir.resolve("store"), NOW, audit)) {
      admin = bed.admin();
      String body = AwsTestbed.form(Map.of("Action", "ListUsers", "Version", "2010-05-08"));
      AwsResponse ok = bed.call(bed.signed(body, admin, "iam", NOW));
      AwsResponse refused = bed.call(bed.signed(body, SigningCredentials.of(admin.accessKeyId(), "y".repeat(40)), "iam", NOW));
      assertThat(ok.status()).isEqualTo(200);
      assertThat(new String(refused.body())).doesNotContain("signature of");
    } finally {
      audit.close();
    }
    String text = Files.readString(file);
    assertThat(text).doesNotContain(admin.secretAccessKey()).doesNotContain("y".repeat(40));
    List<JsonNode> lines = text.lines().map(AwsAuditLogTest::json).toList();
    assertThat(lines).hasSize(2);
    JsonNode first = lines.get(0);
    assertThat(first.at("/eventName").asText()).isEqualTo("ListUsers");
    assertThat(first.at("/eventSource").asText()).isEqualTo("iam.amazonaws.com");
    assertThat(first.at("/userIdentity/arn").asText()).isEqualTo("arn:aws:iam::123456789012:user/gatehouse-admin");
    assertThat(first.at("/responseStatus").asInt()).isEqualTo(200);
    JsonNode second = lines.get(1);
    assertThat(second.at("/errorCode").asText()).isEqualTo("SignatureDoesNotMatch");
    assertThat(second.at("/gatehouseReason").asText()).startsWith("signature of " + admin.accessKeyId() + " rejected");
    assertThat(second.has("userIdentity")).isFalse();
  }

  private static JsonNode json(String line) {
    try {
      return new ObjectMapper().readTree(line);
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }
}
