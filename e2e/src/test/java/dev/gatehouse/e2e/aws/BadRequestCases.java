package dev.gatehouse.e2e.aws;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The cases of {@code src/test/resources/aws/bad-requests.yaml}; its header documents the fields. */
final class BadRequestCases {
  record Case(String name, List<Step> steps) {}

  record Step(String service, Map<String, String> params, Map<String, String> signedParams, String rawBody,
      String rawBodyBase64, String signing, String transport, Expect expect, String bug) {
    String serviceOrDefault() {
      return service == null ? "iam" : service;
    }

    boolean h2c() {
      return "h2c".equals(transport);
    }

    String signingOrDefault() {
      return signing == null ? "valid" : signing;
    }

    byte[] body() {
      if (rawBodyBase64 != null) {
        return Base64.getDecoder().decode(rawBodyBase64);
      }
      if (rawBody != null) {
        return rawBody.getBytes(StandardCharsets.UTF_8);
      }
      return form(params);
    }
  }

  record Expect(int status, String code, String message, String messagePattern, String bodyContains,
      String bodyLacks) {}

  private static final Pattern POLICY_OF_SIZE = Pattern.compile("\\$\\{policyOfSize:(\\d+)}");

  private BadRequestCases() {}

  static List<Case> load(InputStream in) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return List.of(yaml.readValue(in, Case[].class));
  }

  /** The form body of {@code params}, in order, each value URL-encoded as botocore does (space as +). */
  static byte[] form(Map<String, String> params) {
    List<String> pairs = new ArrayList<>();
    params.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(expand(v), StandardCharsets.UTF_8)));
    return String.join("&", pairs).getBytes(StandardCharsets.UTF_8);
  }

  private static String expand(String value) {
    Matcher m = POLICY_OF_SIZE.matcher(value);
    return m.matches() ? policyOfSize(Integer.parseInt(m.group(1))) : value;
  }

  /**
   * A valid identity policy without whitespace of exactly {@code size} characters: one statement allowing
   * s3:GetObject on a list of bucket ARNs, the last one padded to the size.
   */
  static String policyOfSize(int size) {
    String head = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Padded\",\"Effect\":\"Allow\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":[";
    String tail = "]}]}";
    String lastPrefix = "\"arn:aws:s3:::padding-";
    String lastSuffix = "/*\"";
    StringBuilder resources = new StringBuilder();
    for (int i = 0; ; i++) {
      String entry = String.format("\"arn:aws:s3:::gatehouse-bucket-%04d/*\",", i);
      int afterAdding = head.length() + resources.length() + entry.length() + lastPrefix.length() + 1
          + lastSuffix.length() + tail.length();
      if (afterAdding > size) {
        break;
      }
      resources.append(entry);
    }
    int padding = size - head.length() - resources.length() - lastPrefix.length() - lastSuffix.length()
        - tail.length();
    if (padding < 1) {
      throw new IllegalArgumentException("no policy of " + size + " characters");
    }
    String policy = head + resources + lastPrefix + "x".repeat(padding) + lastSuffix + tail;
    if (policy.length() != size) {
      throw new IllegalStateException("policy of " + policy.length() + " characters, wanted " + size);
    }
    return policy;
  }
}
