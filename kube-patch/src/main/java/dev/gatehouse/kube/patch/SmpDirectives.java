package dev.gatehouse.kube.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The directive vocabulary of strategic merge patch and the clean-ups applied to patch values that end up in the
 * result.
 *
 * <p>Upstream copies some patch values into the result untouched (appended list elements, lists and maps that
 * replace, "$patch: replace" content) and relies on decoding into the Go type to drop what is left of directives and
 * nulls. This engine returns JSON, so it does that part itself: such values are {@link #sanitize sanitized}.
 */
final class SmpDirectives {
  static final String PATCH = "$patch";
  static final String DELETE = "delete";
  static final String REPLACE = "replace";
  static final String MERGE = "merge";
  static final String RETAIN_KEYS_STRATEGY = "retainKeys";
  static final String RETAIN_KEYS = "$retainKeys";
  static final String SET_ELEMENT_ORDER = "$setElementOrder";
  static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";

  private SmpDirectives() {}

  static boolean isDirectiveKey(String key) {
    return key.equals(PATCH)
        || key.equals(RETAIN_KEYS)
        || key.startsWith(SET_ELEMENT_ORDER + "/")
        || key.startsWith(DELETE_FROM_PRIMITIVE_LIST + "/");
  }

  static boolean hasDirective(JsonNode node, String directive) {
    JsonNode value = node.get(PATCH);
    return value != null && value.isTextual() && value.asText().equals(directive);
  }

  /** upstream extractKey: the list name after "prefix/", or the prefix's format error. */
  static String listName(String key, String prefix) {
    int slash = key.indexOf('/');
    if (slash < 0 || !key.substring(0, slash).equals(prefix)) {
      throw prefix.equals(DELETE_FROM_PRIMITIVE_LIST)
          ? SmpErrors.badPrimitiveListFormat()
          : SmpErrors.badSetElementOrderFormat();
    }
    return key.substring(slash + 1);
  }

  /**
   * The strategy other than retainKeys among the declared ones (upstream extractRetainKeysPatchStrategy); empty when
   * there is none.
   */
  static String otherStrategy(PatchMeta meta) {
    List<String> strategies = meta.strategies();
    return switch (strategies.size()) {
      case 0 -> "";
      case 1 -> strategies.get(0).equals(RETAIN_KEYS_STRATEGY) ? "" : strategies.get(0);
      case 2 -> {
        if (strategies.get(0).equals(RETAIN_KEYS_STRATEGY)) {
          yield strategies.get(1);
        }
        if (strategies.get(1).equals(RETAIN_KEYS_STRATEGY)) {
          yield strategies.get(0);
        }
        throw SmpErrors.unexpectedStrategy(strategies);
      }
      default -> throw SmpErrors.unexpectedStrategy(strategies);
    };
  }

  /**
   * A patch value stored where the original had nothing (upstream: discard nulls, then removeDirectives, which drops
   * every map carrying "$patch"); null when nothing is to be stored.
   */
  static JsonNode added(JsonNode value) {
    discardNulls(value);
    JsonNode kept = removeDirectives(value);
    return kept == null ? null : stripDirectiveKeys(kept);
  }

  /** A patch value copied into the result as it is: nulls and directive keys removed, nothing else dropped. */
  static JsonNode sanitize(JsonNode value) {
    discardNulls(value);
    return stripDirectiveKeys(value);
  }

  /** upstream removeDirectives: null when the value itself is a map with "$patch". Works in place. */
  static JsonNode removeDirectives(JsonNode value) {
    if (value instanceof ObjectNode object) {
      if (object.has(PATCH)) {
        return null;
      }
      for (Map.Entry<String, JsonNode> e : new ArrayList<>(object.properties())) {
        JsonNode kept = removeDirectives(e.getValue());
        if (kept == null) {
          object.remove(e.getKey());
        }
      }
      return object;
    }
    if (value instanceof ArrayNode array) {
      ArrayNode kept = array.arrayNode();
      for (JsonNode element : array) {
        JsonNode k = removeDirectives(element);
        if (k != null) {
          kept.add(k);
        }
      }
      return kept;
    }
    return value;
  }

  /** upstream discardNullValuesFromPatch: removes null object members at any depth; null list elements stay. */
  static void discardNulls(JsonNode value) {
    if (value instanceof ObjectNode object) {
      List<String> nulls = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        if (e.getValue().isNull()) {
          nulls.add(e.getKey());
        } else {
          discardNulls(e.getValue());
        }
      }
      object.remove(nulls);
    } else if (value instanceof ArrayNode array) {
      array.forEach(SmpDirectives::discardNulls);
    }
  }

  private static JsonNode stripDirectiveKeys(JsonNode value) {
    if (value instanceof ObjectNode object) {
      List<String> directives = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        if (isDirectiveKey(e.getKey())) {
          directives.add(e.getKey());
        } else {
          stripDirectiveKeys(e.getValue());
        }
      }
      object.remove(directives);
    } else if (value instanceof ArrayNode array) {
      array.forEach(SmpDirectives::stripDirectiveKeys);
    }
    return value;
  }
}
