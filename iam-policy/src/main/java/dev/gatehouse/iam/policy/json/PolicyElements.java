package dev.gatehouse.iam.policy.json;

import dev.gatehouse.iam.policy.json.JsonValue.JsonArray;
import dev.gatehouse.iam.policy.json.JsonValue.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reads policy elements from a document that has passed the syntax check (so shapes are known). */
public final class PolicyElements {
  private PolicyElements() {}

  /** The Statement element as a list (a single statement object counts as a list of one). */
  public static List<JsonObject> statements(JsonObject root) {
    JsonValue statement = root.get("Statement");
    if (statement instanceof JsonObject single) {
      return List.of(single);
    }
    List<JsonObject> out = new ArrayList<>();
    if (statement instanceof JsonArray list) {
      for (JsonValue item : list.items()) {
        if (item instanceof JsonObject o) {
          out.add(o);
        }
      }
    }
    return out;
  }

  /**
   * A string-or-list element's scalar entries in order (null entries are skipped); empty when absent. For
   * condition values, booleans and numbers are returned as written.
   */
  public static List<String> strings(JsonValue value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof JsonArray list) {
      List<String> out = new ArrayList<>(list.items().size());
      for (JsonValue item : list.items()) {
        String s = JsonValue.scalarText(item);
        if (s != null) {
          out.add(s);
        }
      }
      return out;
    }
    String s = JsonValue.scalarText(value);
    return s == null ? List.of() : List.of(s);
  }
}
