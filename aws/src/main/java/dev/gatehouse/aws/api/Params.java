package dev.gatehouse.aws.api;

import dev.gatehouse.aws.model.Tag;
import dev.gatehouse.aws.protocol.AwsError;
import dev.gatehouse.aws.protocol.QueryRequest;
import dev.gatehouse.aws.protocol.QueryStruct;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed access to a Query request's parameters with the service's own validation messages
 * ({@code ValidationError: 1 validation error detected: Value 'x' at 'userName' failed to satisfy constraint: …}).
 * The member name in the message is the parameter's name with a lower-case first letter, as AWS prints it.
 */
public final class Params {
  /** IAM user, group, role and policy names. */
  public static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
  /** Paths: "/" or "/a/b/". */
  public static final Pattern PATH = Pattern.compile("(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
  private static final Pattern POLICY_TEXT = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");

  private final QueryRequest request;

  public Params(QueryRequest request) {
    this.request = request;
  }

  public QueryRequest request() {
    return request;
  }

  public Optional<String> optional(String name) {
    return request.get(name);
  }

  public String required(String name) {
    return request.get(name).orElseThrow(() -> invalid("Value null at '" + member(name)
        + "' failed to satisfy constraint: Member must not be null"));
  }

  /** A required IAM name: 1..max characters of {@link #NAME}. */
  public String name(String param, int max) {
    String value = required(param);
    return checkName(param, value, max);
  }

  public Optional<String> optionalName(String param, int max) {
    return optional(param).map(v -> checkName(param, v, max));
  }

  public String path(String param) {
    String value = optional(param).orElse("/");
    checkLength(param, value, 1, 512);
    if (!PATH.matcher(value).matches()) {
      throw patternError(param, value, PATH.pattern());
    }
    return value;
  }

  /** A policy document parameter: the characters and length AWS's API layer accepts. */
  public String policyDocument(String param) {
    String value = required(param);
    checkLength(param, value, 1, 131072);
    if (!POLICY_TEXT.matcher(value).matches()) {
      throw patternError(param, value, POLICY_TEXT.pattern());
    }
    return value;
  }

  public int integer(String param, int defaultValue, int min, int max) {
    Optional<String> raw = optional(param);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    int value;
    try {
      value = Integer.parseInt(raw.get().trim());
    } catch (NumberFormatException e) {
      throw new AwsException(AwsError.validation("Invalid value '" + raw.get() + "' for parameter "
          + param + ": not an integer"));
    }
    if (value < min) {
      throw invalid("Value '" + value + "' at '" + member(param)
          + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
    }
    if (value > max) {
      throw invalid("Value '" + value + "' at '" + member(param)
          + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
    }
    return value;
  }

  public List<String> members(String param) {
    return request.members(param);
  }

  /** {@code Tags.member.N.Key/Value}, checked as IAM checks them (at most 50, keys 1..128, values 0..256). */
  public List<Tag> tags(String param) {
    List<Tag> tags = new ArrayList<>();
    for (QueryStruct s : request.structs(param)) {
      String key = s.get("Key").orElseThrow(() -> invalid("Value null at '" + member(param)
          + ".member." + (tags.size() + 1) + ".member.key' failed to satisfy constraint: Member must not be null"));
      String value = s.get("Value").orElseThrow(() -> invalid("Value null at '" + member(param)
          + ".member." + (tags.size() + 1) + ".member.value' failed to satisfy constraint: Member must not be null"));
      checkLength(param, key, 1, 128);
      checkLength(param, value, 0, 256);
      tags.add(new Tag(key, value));
    }
    if (tags.size() > 50) {
      throw invalid("Value '" + tags + "' at '" + member(param)
          + "' failed to satisfy constraint: Member must have length less than or equal to 50");
    }
    return tags;
  }

  private String checkName(String param, String value, int max) {
    checkLength(param, value, 1, max);
    if (!NAME.matcher(value).matches()) {
      throw patternError(param, value, NAME.pattern());
    }
    return value;
  }

  public void checkLength(String param, String value, int min, int max) {
    if (value.length() < min) {
      throw invalid("Value '" + value + "' at '" + member(param)
          + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
    }
    if (value.length() > max) {
      throw invalid("Value '" + value + "' at '" + member(param)
          + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
    }
  }

  public static AwsException patternError(String param, String value, String pattern) {
    return invalid("Value '" + value + "' at '" + member(param)
        + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + pattern);
  }

  public static AwsException invalid(String detail) {
    return new AwsException(AwsError.validation("1 validation error detected: " + detail));
  }

  static String member(String param) {
    return param.isEmpty() ? param : param.substring(0, 1).toLowerCase(Locale.ROOT) + param.substring(1);
  }
}
