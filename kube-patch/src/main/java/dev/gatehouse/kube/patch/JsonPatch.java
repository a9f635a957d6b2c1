package dev.gatehouse.kube.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.kube.patch.JsonPatchTargets.Failure;
import dev.gatehouse.kube.patch.JsonPatchTargets.Target;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 6902 JSON Patch as kube-apiserver 1.32 applies {@code application/json-patch+json}: evanphx/json-patch v4.12
 * behind the handler's decoding and size checks (pkg/endpoints/handlers/patch.go). Error messages are the library's;
 * {@link PatchException#status()} tells how the handler reports them (a patch that does not apply is a 422 whose
 * Status message is the generic "the server rejected our request due to an error in our request").
 */
public final class JsonPatch {
  /** The handler refuses patches with more operations (maxJSONPatchOperations). */
  public static final int MAX_OPERATIONS = 10000;

  /** kube-apiserver's default --json-patch-max-copy-bytes: the total size "copy" operations may add. */
  public static final long DEFAULT_MAX_COPY_BYTES = 3L * 1024 * 1024;

  private static final Set<String> OPERATION_FIELDS = Set.of("op", "path", "from", "value");
  private static final ObjectMapper COMPACT = new ObjectMapper();

  private JsonPatch() {}

  /** Applies the patch (a JSON array of operations) to a copy of the document and returns the copy. */
  public static JsonNode apply(JsonNode document, JsonNode patch) {
    return apply(document, patch, DEFAULT_MAX_COPY_BYTES);
  }

  /** As {@link #apply(JsonNode, JsonNode)} with another copy limit; zero or less means unlimited. */
  public static JsonNode apply(JsonNode document, JsonNode patch, long maxCopyBytes) {
    List<JsonNode> operations = decode(patch);
    if (!(document.isObject() || document.isArray())) {
      throw PatchException.internal(
          "json: cannot unmarshal " + jsonKind(document) + " into Go value of type jsonpatch.partialDoc");
    }
    JsonNode[] root = {document.deepCopy()};
    long[] copied = {0};
    for (JsonNode operation : operations) {
      try {
        applyOne(root, operation, copied, maxCopyBytes);
      } catch (Failure e) {
        throw new PatchException(PatchException.Status.UNPROCESSABLE, e.getMessage());
      }
    }
    return root[0];
  }

  /**
   * What the handler checks first when fieldValidation is Strict or Warn: a patch that is not a list of objects is a
   * 400 ({@code error decoding patch: ...}); the returned strings are the unknown-field problems
   * ({@code json patch unknown field "x"}) that become errors under Strict and warnings under Warn.
   */
  public static List<String> strictDecodingProblems(JsonNode patch) {
    if (patch == null || patch.isNull()) {
      return List.of();
    }
    String target = "[]handlers.jsonPatchOp";
    if (!patch.isArray()) {
      throw PatchException.badRequest(
          "error decoding patch: json: cannot unmarshal " + jsonKind(patch) + " into Go value of type " + target);
    }
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < patch.size(); i++) {
      JsonNode op = patch.get(i);
      if (op.isNull()) {
        continue;
      }
      if (!op.isObject()) {
        throw PatchException.badRequest("error decoding patch: json: cannot unmarshal " + jsonKind(op)
            + " into Go value of type handlers.jsonPatchOp");
      }
      for (Map.Entry<String, JsonNode> field : op.properties()) {
        if (!OPERATION_FIELDS.contains(field.getKey())) {
          problems.add("json patch unknown field \"[" + i + "]." + field.getKey() + "\"");
        }
      }
    }
    return problems;
  }

  private static List<JsonNode> decode(JsonNode patch) {
    if (patch == null || patch.isNull()) {
      return List.of();
    }
    if (!patch.isArray()) {
      throw PatchException.badRequest(
          "json: cannot unmarshal " + jsonKind(patch) + " into Go value of type jsonpatch.Patch");
    }
    List<JsonNode> operations = new ArrayList<>(patch.size());
    for (JsonNode op : patch) {
      if (!op.isObject() && !op.isNull()) {
        throw PatchException.badRequest(
            "json: cannot unmarshal " + jsonKind(op) + " into Go value of type jsonpatch.Operation");
      }
      operations.add(op);
    }
    if (operations.size() > MAX_OPERATIONS) {
      throw new PatchException(PatchException.Status.REQUEST_ENTITY_TOO_LARGE,
          "The allowed maximum operations in a JSON patch is " + MAX_OPERATIONS + ", got " + operations.size());
    }
    return operations;
  }

  private static void applyOne(JsonNode[] root, JsonNode op, long[] copied, long maxCopyBytes) {
    String kind = op.path("op").isTextual() ? op.get("op").asText() : "unknown";
    switch (kind) {
      case "add" -> add(root[0], op);
      case "remove" -> remove(root[0], op);
      case "replace" -> replace(root, op);
      case "move" -> move(root[0], op);
      case "test" -> test(root[0], op);
      case "copy" -> copy(root[0], op, copied, maxCopyBytes);
      default -> throw new Failure("Unexpected kind: " + kind);
    }
  }

  private static void add(JsonNode doc, JsonNode op) {
    String path = pointer(op, "path", "add operation failed to decode path: missing value");
    Target target = JsonPatchTargets.find(doc, path);
    if (target == null) {
      throw new Failure("add operation does not apply: doc is missing path: \"" + path + "\": missing value");
    }
    try {
      JsonPatchTargets.add(target.container(), target.key(), value(op));
    } catch (Failure e) {
      throw new Failure("error in add for path: '" + path + "': " + e.getMessage());
    }
  }

  private static void remove(JsonNode doc, JsonNode op) {
    String path = pointer(op, "path", "remove operation failed to decode path: missing value");
    Target target = JsonPatchTargets.find(doc, path);
    if (target == null) {
      throw new Failure("remove operation does not apply: doc is missing path: \"" + path + "\": missing value");
    }
    try {
      JsonPatchTargets.remove(target.container(), target.key());
    } catch (Failure e) {
      throw new Failure("error in remove for path: '" + path + "': " + e.getMessage());
    }
  }

  private static void replace(JsonNode[] root, JsonNode op) {
    String path = pointer(op, "path", "replace operation failed to decode path: ");
    if (path.isEmpty()) {
      // Upstream swaps the whole document only for an object or array value; anything else is silently ignored.
      JsonNode value = value(op);
      if (value != null && (value.isObject() || value.isArray())) {
        root[0] = value;
      }
      return;
    }
    Target target = JsonPatchTargets.find(root[0], path);
    if (target == null) {
      throw new Failure("replace operation does not apply: doc is missing path: " + path + ": missing value");
    }
    try {
      JsonPatchTargets.get(target.container(), target.key());
    } catch (Failure e) {
      throw new Failure("replace operation does not apply: doc is missing key: " + path + ": missing value");
    }
    try {
      JsonPatchTargets.set(target.container(), target.key(), value(op));
    } catch (Failure e) {
      throw new Failure("error in remove for path: '" + path + "': " + e.getMessage());
    }
  }

  private static void move(JsonNode doc, JsonNode op) {
    String from = pointer(op, "from", "move operation failed to decode from: ");
    Target source = JsonPatchTargets.find(doc, from);
    if (source == null) {
      throw new Failure("move operation does not apply: doc is missing from path: " + from + ": missing value");
    }
    JsonNode value;
    try {
      value = JsonPatchTargets.get(source.container(), source.key());
      JsonPatchTargets.remove(source.container(), source.key());
    } catch (Failure e) {
      throw new Failure("error in move for path: '" + source.key() + "': " + e.getMessage());
    }
    String path = pointer(op, "path", "move operation failed to decode path: ");
    Target target = JsonPatchTargets.find(doc, path);
    if (target == null) {
      throw new Failure(
          "move operation does not apply: doc is missing destination path: " + path + ": missing value");
    }
    try {
      JsonPatchTargets.add(target.container(), target.key(), value);
    } catch (Failure e) {
      throw new Failure("error in move for path: '" + path + "': " + e.getMessage());
    }
  }

  private static void test(JsonNode doc, JsonNode op) {
    String path = pointer(op, "path", "test operation failed to decode path: ");
    JsonNode expected = op.get("value");
    if (path.isEmpty()) {
      if (expected == null || !jsonEquals(doc, expected)) {
        throw new Failure("testing value " + path + " failed: test failed");
      }
      return;
    }
    Target target = JsonPatchTargets.find(doc, path);
    if (target == null) {
      throw new Failure("test operation does not apply: is missing path: " + path + ": missing value");
    }
    JsonNode actual;
    try {
      actual = JsonPatchTargets.get(target.container(), target.key());
    } catch (Failure e) {
      throw new Failure("error in test for path: '" + path + "': " + e.getMessage());
    }
    boolean same = actual == null
        ? expected != null && expected.isNull()
        : expected != null && jsonEquals(actual, expected);
    if (!same) {
      throw new Failure("testing value " + path + " failed: test failed");
    }
  }

  private static void copy(JsonNode doc, JsonNode op, long[] copied, long maxCopyBytes) {
    String from = pointer(op, "from", "copy operation failed to decode from: ");
    Target source = JsonPatchTargets.find(doc, from);
    if (source == null) {
      throw new Failure("copy operation does not apply: doc is missing from path: " + from + ": missing value");
    }
    JsonNode value;
    try {
      value = JsonPatchTargets.get(source.container(), source.key());
    } catch (Failure e) {
      throw new Failure("error in copy for from: '" + from + "': " + e.getMessage());
    }
    String path = pointer(op, "path", "copy operation failed to decode path: missing value");
    Target target = JsonPatchTargets.find(doc, path);
    if (target == null) {
      throw new Failure(
          "copy operation does not apply: doc is missing destination path: " + path + ": missing value");
    }
    // An absent source copies as null (upstream deep-copies a nil node), adding nothing to the size.
    JsonNode duplicate = value == null ? null : value.deepCopy();
    copied[0] += value == null ? 0 : compactSize(value);
    if (maxCopyBytes > 0 && copied[0] > maxCopyBytes) {
      throw new Failure("Unable to complete the copy, the accumulated size increase of copy is " + copied[0]
          + ", exceeding the limit " + maxCopyBytes);
    }
    try {
      JsonPatchTargets.add(target.container(), target.key(), duplicate);
    } catch (Failure e) {
      throw new Failure("error while adding value during copy: " + e.getMessage());
    }
  }

  /**
   * Reads "path" or "from". A missing (or null) member and a non-string member fail with upstream's texts; when the
   * prefix ends with ": " the cause is appended, otherwise the prefix is the whole message (add, remove and the
   * copy destination report every failure as "missing value").
   */
  private static String pointer(JsonNode op, String field, String failure) {
    JsonNode value = op.get(field);
    if (value != null && value.isTextual()) {
      return value.asText();
    }
    if (!failure.endsWith(": ")) {
      throw new Failure(failure);
    }
    if (value == null || value.isNull()) {
      String cause = field.equals("path") ? "operation missing path field" : "operation, missing from field";
      throw new Failure(failure + cause + ": missing value");
    }
    throw new Failure(failure + "json: cannot unmarshal " + jsonKind(value) + " into Go value of type string");
  }

  /** The operation's value; null when absent (upstream then stores a JSON null). */
  private static JsonNode value(JsonNode op) {
    JsonNode value = op.get("value");
    return value == null ? null : value.deepCopy();
  }

  /** Structural equality as upstream's lazyNode.equal: member order is irrelevant, 1 and 1.0 differ. */
  static boolean jsonEquals(JsonNode a, JsonNode b) {
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        JsonNode other = b.get(e.getKey());
        if (other == null || !jsonEquals(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!jsonEquals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isNumber() && b.isNumber()) {
      if (a.isIntegralNumber() != b.isIntegralNumber()) {
        return false;
      }
      return a.isIntegralNumber()
          ? a.bigIntegerValue().equals(b.bigIntegerValue())
          : a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.getNodeType() == b.getNodeType() && a.equals(b);
  }

  private static long compactSize(JsonNode value) {
    try {
      return COMPACT.writeValueAsString(value).getBytes(StandardCharsets.UTF_8).length;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON kind name Go's decoder prints in an UnmarshalTypeError. */
  static String jsonKind(JsonNode node) {
    if (node.isObject()) {
      return "object";
    }
    if (node.isArray()) {
      return "array";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "bool";
    }
    return "null";
  }
}
