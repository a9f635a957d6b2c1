package dev.gatehouse.kube.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Pointer resolution and container edits of JSON patch, with the quirks of evanphx/json-patch v4.12 (the version
 * kube-apiserver 1.32 links): the first pointer segment is ignored whatever it is, a JSON null counts as absent,
 * negative array indices count from the end, and a "replace" of an absent object member simply sets it.
 */
final class JsonPatchTargets {
  private JsonPatchTargets() {}

  /** An error of a container operation; the caller wraps it the way upstream does ({@code prefix: cause}). */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }

  /** The container addressed by all but the last segment of a pointer, and the decoded last segment. */
  record Target(JsonNode container, String key) {}

  /** upstream findObject: null when an intermediate segment is missing, null, a scalar or a bad array index. */
  static Target find(JsonNode root, String path) {
    String[] split = path.split("/", -1);
    if (split.length < 2) {
      return null;
    }
    JsonNode current = root;
    for (int i = 1; i < split.length - 1; i++) {
      JsonNode next;
      try {
        next = get(current, decodeKey(split[i]));
      } catch (Failure e) {
        return null;
      }
      if (next == null || !(next.isObject() || next.isArray())) {
        return null;
      }
      current = next;
    }
    return new Target(current, decodeKey(split[split.length - 1]));
  }

  /** RFC 6901 unescaping in one left-to-right pass, so "~01" becomes "~1". */
  static String decodeKey(String key) {
    if (key.indexOf('~') < 0) {
      return key;
    }
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '~' && i + 1 < key.length() && (key.charAt(i + 1) == '0' || key.charAt(i + 1) == '1')) {
        out.append(key.charAt(i + 1) == '1' ? '/' : '~');
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The value under key; null when an object member is absent or JSON null. */
  static JsonNode get(JsonNode container, String key) {
    if (container instanceof ObjectNode object) {
      JsonNode value = object.get(key);
      return value == null || value.isNull() ? null : value;
    }
    ArrayNode array = (ArrayNode) container;
    long idx = atoi(key);
    if (idx < 0) {
      if (idx < -array.size()) {
        throw invalidIndex(idx);
      }
      idx += array.size();
    }
    if (idx >= array.size()) {
      throw invalidIndex(idx);
    }
    JsonNode value = array.get((int) idx);
    return value.isNull() ? null : value;
  }

  /** Sets an object member, or inserts into an array ("-" appends). A null value is stored as JSON null. */
  static void add(JsonNode container, String key, JsonNode value) {
    JsonNode stored = value == null ? JsonNodeFactory.instance.nullNode() : value;
    if (container instanceof ObjectNode object) {
      object.set(key, stored);
      return;
    }
    ArrayNode array = (ArrayNode) container;
    if (key.equals("-")) {
      array.add(stored);
      return;
    }
    long idx;
    try {
      idx = atoi(key);
    } catch (Failure e) {
      throw new Failure("value was not a proper array index: '" + key + "': " + e.getMessage());
    }
    long size = array.size() + 1L;
    if (idx >= size) {
      throw invalidIndex(idx);
    }
    if (idx < 0) {
      if (idx < -size) {
        throw invalidIndex(idx);
      }
      idx += size;
    }
    array.insert((int) idx, stored);
  }

  /** Replaces an existing array element or sets an object member; the caller has checked the key exists. */
  static void set(JsonNode container, String key, JsonNode value) {
    JsonNode stored = value == null ? JsonNodeFactory.instance.nullNode() : value;
    if (container instanceof ObjectNode object) {
      object.set(key, stored);
      return;
    }
    ArrayNode array = (ArrayNode) container;
    long idx = atoi(key);
    if (idx < 0) {
      if (idx < -array.size()) {
        throw invalidIndex(idx);
      }
      idx += array.size();
    }
    array.set((int) idx, stored);
  }

  static void remove(JsonNode container, String key) {
    if (container instanceof ObjectNode object) {
      if (!object.has(key)) {
        throw new Failure("Unable to remove nonexistent key: " + key + ": missing value");
      }
      object.remove(key);
      return;
    }
    ArrayNode array = (ArrayNode) container;
    long idx = atoi(key);
    if (idx >= array.size()) {
      throw invalidIndex(idx);
    }
    if (idx < 0) {
      if (idx < -array.size()) {
        throw invalidIndex(idx);
      }
      idx += array.size();
    }
    array.remove((int) idx);
  }

  private static Failure invalidIndex(long idx) {
    return new Failure("Unable to access invalid index: " + idx + ": invalid index referenced");
  }

  /** Go's strconv.Atoi on a 64-bit platform, with its error text. Indices beyond int range cannot be valid anyway. */
  static long atoi(String s) {
    int i = 0;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    if (i == s.length()) {
      throw syntaxError(s);
    }
    long value = 0;
    boolean overflow = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw syntaxError(s);
      }
      if (!overflow) {
        long next = value * 10 + (c - '0');
        if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
          overflow = true;
        } else {
          value = next;
        }
      }
    }
    if (overflow) {
      throw new Failure("strconv.Atoi: parsing " + goQuote(s) + ": value out of range");
    }
    return negative ? -value : value;
  }

  private static Failure syntaxError(String s) {
    return new Failure("strconv.Atoi: parsing " + goQuote(s) + ": invalid syntax");
  }

  /** Go's %q / strconv.Quote for the strings that appear in these messages. */
  static String goQuote(String s) {
    return dev.gatehouse.kube.meta.validation.GoFormat.quote(s);
  }
}
