package dev.gatehouse.iam.policy.validate;

import dev.gatehouse.iam.policy.condition.OperatorName;
import dev.gatehouse.iam.policy.json.JsonValue;
import dev.gatehouse.iam.policy.json.JsonValue.JsonArray;
import dev.gatehouse.iam.policy.json.JsonValue.JsonBool;
import dev.gatehouse.iam.policy.json.JsonValue.JsonNull;
import dev.gatehouse.iam.policy.json.JsonValue.JsonNumber;
import dev.gatehouse.iam.policy.json.JsonValue.JsonObject;
import dev.gatehouse.iam.policy.json.JsonValue.JsonString;
import java.util.Map;
import java.util.Set;

/**
 * The shape checks whose failure IAM reports as "Syntax errors in policy.": known element names, element types,
 * mutually exclusive elements, the Effect value (case-insensitively here; the exact case is a later "legacy
 * parsing" check) and known condition operators.
 */
final class SyntaxCheck {
  /** "Conditions" is accepted at top level by IAM's grammar check (moto keeps it; IAM ignores it). */
  static final Set<String> TOP_ELEMENTS = Set.of("Version", "Id", "Statement", "Conditions");
  static final Set<String> VERSIONS = Set.of("2008-10-17", "2012-10-17");
  static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource",
      "NotResource", "Principal", "NotPrincipal", "Condition");
  static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Federated", "Service", "CanonicalUser");

  private SyntaxCheck() {}

  static boolean document(JsonValue document) {
    if (!(document instanceof JsonObject root)) {
      return false;
    }
    if (!TOP_ELEMENTS.containsAll(root.members().keySet())) {
      return false;
    }
    JsonValue version = root.get("Version");
    if (version != null && !(version instanceof JsonString v && VERSIONS.contains(v.value()))) {
      return false;
    }
    JsonValue id = root.get("Id");
    if (id != null && !(id instanceof JsonString)) {
      return false;
    }
    JsonValue statement = root.get("Statement");
    if (statement instanceof JsonObject single) {
      return statement(single);
    }
    if (!(statement instanceof JsonArray list) || list.items().isEmpty()) {
      return false;
    }
    for (JsonValue item : list.items()) {
      if (!(item instanceof JsonObject st) || !statement(st)) {
        return false;
      }
    }
    return true;
  }

  private static boolean statement(JsonObject st) {
    if (!STATEMENT_ELEMENTS.containsAll(st.members().keySet())) {
      return false;
    }
    if ((st.has("Resource") && st.has("NotResource")) || (st.has("Action") && st.has("NotAction"))
        || (st.has("Principal") && st.has("NotPrincipal"))) {
      return false;
    }
    if (!(st.get("Effect") instanceof JsonString effect)
        || !(effect.value().equalsIgnoreCase("Allow") || effect.value().equalsIgnoreCase("Deny"))) {
      return false;
    }
    return stringOrList(st.get("Action"), false) && stringOrList(st.get("NotAction"), false)
        && stringOrList(st.get("Resource"), true) && stringOrList(st.get("NotResource"), true)
        && condition(st.get("Condition")) && (!st.has("Sid") || st.get("Sid") instanceof JsonString)
        && principal(st.get("Principal")) && principal(st.get("NotPrincipal"));
  }

  /** Absent, a string, or a list of strings (IAM tolerates null entries in Resource lists). */
  private static boolean stringOrList(JsonValue value, boolean nullEntriesAllowed) {
    if (value == null || value instanceof JsonString) {
      return true;
    }
    if (!(value instanceof JsonArray list)) {
      return false;
    }
    for (JsonValue item : list.items()) {
      if (!(item instanceof JsonString || (nullEntriesAllowed && item == JsonNull.INSTANCE))) {
        return false;
      }
    }
    return true;
  }

  private static boolean condition(JsonValue value) {
    if (value == null) {
      return true;
    }
    if (!(value instanceof JsonObject block)) {
      return false;
    }
    for (Map.Entry<String, JsonValue> op : block.members().entrySet()) {
      if (!(op.getValue() instanceof JsonObject keys)) {
        return false;
      }
      for (JsonValue v : keys.members().values()) {
        if (!conditionValue(v)) {
          return false;
        }
      }
      // An unknown operator is tolerated only with nothing under it.
      if (OperatorName.parseOrNull(op.getKey()) == null && !keys.members().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static boolean conditionValue(JsonValue v) {
    if (v instanceof JsonString || v instanceof JsonBool || v instanceof JsonNumber) {
      return true;
    }
    if (!(v instanceof JsonArray list)) {
      return false;
    }
    for (JsonValue item : list.items()) {
      if (!(item instanceof JsonString || item instanceof JsonBool || item instanceof JsonNumber)) {
        return false;
      }
    }
    return true;
  }

  private static boolean principal(JsonValue value) {
    if (value == null) {
      return true;
    }
    if (value instanceof JsonString s) {
      return s.value().equals("*");
    }
    if (!(value instanceof JsonObject map) || map.members().isEmpty()) {
      return false;
    }
    for (Map.Entry<String, JsonValue> e : map.members().entrySet()) {
      if (!PRINCIPAL_TYPES.contains(e.getKey())) {
        return false;
      }
      JsonValue v = e.getValue();
      if (v instanceof JsonString) {
        continue;
      }
      if (!(v instanceof JsonArray list) || list.items().isEmpty()) {
        return false;
      }
      for (JsonValue item : list.items()) {
        if (!(item instanceof JsonString)) {
          return false;
        }
      }
    }
    return true;
  }
}
