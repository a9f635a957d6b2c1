package dev.gatehouse.iam.policy.json;

import java.util.List;
import java.util.Map;

/**
 * A JSON value as the policy reader sees it. Objects remember where they start and end in the source text, because
 * SimulatePolicy reports the position of each matched statement. Numbers keep their source text: IAM compares
 * condition values as text or parses them itself.
 */
public sealed interface JsonValue
    permits JsonValue.JsonObject, JsonValue.JsonArray, JsonValue.JsonString, JsonValue.JsonNumber,
        JsonValue.JsonBool, JsonValue.JsonNull {

  /** Members in document order; positions are 1-based, the end is the column just after the closing brace. */
  record JsonObject(Map<String, JsonValue> members, int startLine, int startColumn, int endLine, int endColumn)
      implements JsonValue {
    public JsonValue get(String name) {
      return members.get(name);
    }

    public boolean has(String name) {
      return members.containsKey(name);
    }
  }

  record JsonArray(List<JsonValue> items) implements JsonValue {}

  record JsonString(String value) implements JsonValue {}

  record JsonNumber(String text) implements JsonValue {}

  record JsonBool(boolean value) implements JsonValue {}

  enum JsonNull implements JsonValue { INSTANCE }

  /** The text IAM would compare for a scalar (strings as-is, booleans and numbers as written), or null. */
  static String scalarText(JsonValue value) {
    if (value instanceof JsonString s) {
      return s.value();
    }
    if (value instanceof JsonBool b) {
      return b.value() ? "true" : "false";
    }
    if (value instanceof JsonNumber n) {
      return n.text();
    }
    return null;
  }
}
