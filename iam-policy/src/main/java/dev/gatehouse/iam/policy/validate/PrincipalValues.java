package dev.gatehouse.iam.policy.validate;

import dev.gatehouse.iam.policy.json.JsonValue;
import dev.gatehouse.iam.policy.json.JsonValue.JsonObject;
import dev.gatehouse.iam.policy.json.PolicyElements;
import java.util.Map;

/**
 * The forms an {@code "AWS"} principal may take: {@code *}, a 12-digit account, an IAM or STS ARN of an account
 * ({@code arn:aws:iam::123456789012:root}, {@code ...:user/x}, {@code ...:role/x},
 * {@code arn:aws:sts::123456789012:assumed-role/r/s}), or a unique ID ({@code AIDA...}, {@code AROA...}) as IAM
 * shows principals that were deleted. Existence is not checked here: that needs the store.
 */
final class PrincipalValues {
  private PrincipalValues() {}

  /** The "Invalid principal" message for the first malformed value, or null. */
  static String problem(JsonValue principal) {
    if (!(principal instanceof JsonObject map)) {
      return null;
    }
    for (Map.Entry<String, JsonValue> e : map.members().entrySet()) {
      for (String value : PolicyElements.strings(e.getValue())) {
        boolean ok = e.getKey().equals("AWS") ? awsPrincipal(value) : !value.isBlank();
        if (!ok) {
          return MalformedMessages.invalidPrincipal(e.getKey(), value);
        }
      }
    }
    return null;
  }

  static boolean awsPrincipal(String value) {
    if (value.equals("*") || isAccountId(value) || isUniqueId(value)) {
      return true;
    }
    String[] parts = value.split(":", 6);
    return parts.length == 6 && parts[0].equals("arn") && ResourceFormat.PARTITIONS.contains(parts[1])
        && (parts[2].equals("iam") || parts[2].equals("sts")) && parts[3].isEmpty() && isAccountId(parts[4])
        && !parts[5].isEmpty();
  }

  static boolean isAccountId(String s) {
    if (s.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isUniqueId(String s) {
    if (s.length() < 16 || s.length() > 128 || s.charAt(0) != 'A') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
