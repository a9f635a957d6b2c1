package dev.gatehouse.iam.policy;

import dev.gatehouse.iam.policy.json.JsonValue;
import dev.gatehouse.iam.policy.json.JsonValue.JsonObject;
import dev.gatehouse.iam.policy.json.PositionedJsonReader;
import dev.gatehouse.iam.policy.validate.PolicyValidator;

/** Entry point for policy documents: parse + validate + compile in one call. */
public final class Policies {
  private Policies() {}

  /**
   * Parses a policy document and validates it with the rules of {@code kind}.
   *
   * @return {@link ParseResult.Parsed} with the compiled policy, or {@link ParseResult.Malformed} with the message
   *     IAM answers as MalformedPolicyDocument
   */
  public static ParseResult parse(String json, PolicyKind kind) {
    JsonValue document = PositionedJsonReader.read(json).orElse(null);
    String problem = PolicyValidator.validate(document, kind.rules());
    if (problem != null) {
      return new ParseResult.Malformed(problem);
    }
    return new ParseResult.Parsed(PolicyCompiler.compile(json, kind, (JsonObject) document));
  }

  /**
   * Parses a document that is known to be valid (bundled AWS managed policies, tests).
   *
   * @throws IllegalArgumentException with IAM's message when it is not
   */
  public static Policy parseValid(String json, PolicyKind kind) {
    ParseResult result = parse(json, kind);
    if (result instanceof ParseResult.Malformed m) {
      throw new IllegalArgumentException(m.message());
    }
    return ((ParseResult.Parsed) result).policy();
  }

  /**
   * The length IAM's size quotas count: characters other than space, tab, line feed and carriage return (managed
   * policies 6,144; inline policies per user 2,048, group 5,120, role 10,240; checked by the caller).
   */
  public static int nonWhitespaceLength(String json) {
    int n = 0;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        n++;
      }
    }
    return n;
  }
}
