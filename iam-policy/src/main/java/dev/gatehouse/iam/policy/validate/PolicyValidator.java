package dev.gatehouse.iam.policy.validate;

import dev.gatehouse.iam.policy.json.JsonValue;
import dev.gatehouse.iam.policy.json.JsonValue.JsonObject;
import dev.gatehouse.iam.policy.json.JsonValue.JsonString;
import dev.gatehouse.iam.policy.json.PolicyElements;
import dev.gatehouse.iam.policy.match.Glob;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * IAM's {@code MalformedPolicyDocument} checks, in the order IAM applies them; the first failing check decides the
 * message. The order matters and is not obvious (for example, a malformed resource is reported only after the
 * Sid and missing-Action checks, but before malformed action names), so it is spelled out in {@link #validate}.
 * Learned from moto's validator (getmoto/moto moto/iam/policy_validation.py, Apache-2.0), which was built by
 * comparing answers with real IAM; the code is our own.
 */
public final class PolicyValidator {
  private static final List<String> STS_ACTIONS = List.of("sts:AssumeRole", "sts:AssumeRoleWithSAML",
      "sts:AssumeRoleWithWebIdentity", "sts:DecodeAuthorizationMessage", "sts:GetAccessKeyInfo",
      "sts:GetCallerIdentity", "sts:GetFederationToken", "sts:GetServiceBearerToken", "sts:GetSessionToken",
      "sts:SetSourceIdentity", "sts:TagSession");

  private PolicyValidator() {}

  /**
   * The message IAM would answer for this document, or null when it is acceptable.
   *
   * @param document the parsed JSON, or null when the text was not JSON
   */
  public static String validate(JsonValue document, ValidationRules rules) {
    if (document == null || !SyntaxCheck.document(document)) {
      return MalformedMessages.SYNTAX;
    }
    JsonObject root = (JsonObject) document;
    List<JsonObject> statements = PolicyElements.statements(root);
    if (rules.requireLatestVersion() && !(root.get("Version") instanceof JsonString v
        && v.value().equals("2012-10-17"))) {
      return MalformedMessages.VERSION;
    }
    for (JsonObject st : statements) {
      if (!LegacyParsing.statement(st)) {
        return MalformedMessages.LEGACY_PARSING;
      }
    }
    ResourceFormat resources = new ResourceFormat();
    for (String element : List.of("Resource", "NotResource")) {
      for (JsonObject st : statements) {
        if (!checkResources(st.get(element), resources)) {
          return MalformedMessages.LEGACY_PARSING;
        }
      }
    }
    String sidProblem = sids(statements, rules);
    if (sidProblem != null) {
      return sidProblem;
    }
    for (JsonObject st : statements) {
      if (!present(st, "Action") && !present(st, "NotAction")) {
        return MalformedMessages.MISSING_ACTIONS;
      }
    }
    if (resources.error() != null) {
      return resources.error();
    }
    for (String element : List.of("Action", "NotAction")) {
      for (JsonObject st : statements) {
        for (String action : PolicyElements.strings(st.get(element))) {
          String problem = ActionNames.problem(action);
          if (problem != null) {
            return problem;
          }
        }
      }
    }
    return kindRules(statements, rules);
  }

  /** Walks one Resource element: format messages are remembered, legacy-parser failures end validation. */
  private static boolean checkResources(JsonValue element, ResourceFormat resources) {
    if (element == null) {
      return true;
    }
    List<String> values = PolicyElements.strings(element);
    List<String> reversed = new ArrayList<>(values);
    reversed.sort(java.util.Comparator.reverseOrder());
    for (String r : reversed) {
      resources.check(r);
    }
    if (resources.error() != null) {
      return true;
    }
    for (String r : values) {
      if (!LegacyParsing.resource(r)) {
        return false;
      }
    }
    return true;
  }

  private static String sids(List<JsonObject> statements, ValidationRules rules) {
    Set<String> seen = new HashSet<>();
    for (JsonObject st : statements) {
      if (st.get("Sid") instanceof JsonString sid && !sid.value().isEmpty() && !seen.add(sid.value())) {
        return MalformedMessages.SID_UNIQUE;
      }
    }
    if (rules.alphanumericSids()) {
      for (JsonObject st : statements) {
        if (st.get("Sid") instanceof JsonString sid && !sid.value().chars().allMatch(
            c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
          return MalformedMessages.SID_ALPHANUMERIC;
        }
      }
    }
    return null;
  }

  /** The element exists and, when it is a list, is not empty. */
  private static boolean present(JsonObject st, String element) {
    JsonValue v = st.get(element);
    return v != null && !(v instanceof JsonValue.JsonArray list && list.items().isEmpty());
  }

  private static String kindRules(List<JsonObject> statements, ValidationRules rules) {
    if (rules.principal() == ValidationRules.PrincipalRule.FORBIDDEN) {
      for (JsonObject st : statements) {
        if (st.has("Principal") || st.has("NotPrincipal")) {
          return MalformedMessages.IDENTITY_WITH_PRINCIPAL;
        }
      }
    }
    if (rules.stsActionsOnly()) {
      for (JsonObject st : statements) {
        for (String action : PolicyElements.strings(st.get("Action"))) {
          if (!isStsAction(action)) {
            return MalformedMessages.TRUST_ACTIONS;
          }
        }
      }
    }
    if (rules.forbidResource()) {
      for (JsonObject st : statements) {
        if (st.has("Resource") || st.has("NotResource")) {
          return MalformedMessages.TRUST_WITH_RESOURCE;
        }
      }
    }
    if (rules.requireResource()) {
      for (JsonObject st : statements) {
        if (!present(st, "Resource") && !present(st, "NotResource")) {
          return MalformedMessages.MISSING_RESOURCES;
        }
      }
    }
    if (rules.principal() == ValidationRules.PrincipalRule.REQUIRED) {
      for (JsonObject st : statements) {
        if (!st.has("Principal") && !st.has("NotPrincipal")) {
          return MalformedMessages.NO_PRINCIPALS;
        }
      }
      for (JsonObject st : statements) {
        String problem = PrincipalValues.problem(st.has("Principal") ? st.get("Principal") : st.get("NotPrincipal"));
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  /** An STS action a trust policy may name; a wildcard pattern is accepted when it covers one of them. */
  private static boolean isStsAction(String action) {
    Glob pattern = Glob.of(action, true);
    return STS_ACTIONS.stream().anyMatch(pattern::matches);
  }
}
