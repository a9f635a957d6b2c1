package dev.gatehouse.kube.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.meta.validation.FieldError;
import dev.gatehouse.kube.meta.validation.GoFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * apiextensions' {@code listtype.ValidateListSetsAndMaps}: items of an {@code x-kubernetes-list-type: set} list
 * must be unique, and items of a {@code map} list unique by their {@code x-kubernetes-list-map-keys}. A repeat
 * is reported once, at its second occurrence: {@code spec.ports[2]: Duplicate value:
 * map[string]interface {}{"name":"http"}}.
 */
final class ListTypeValidation {
  private ListTypeValidation() {}

  /** Stands for an item without the key field (or a null item) in a single-key map list. */
  private static final Object UNSPECIFIED = new Object();

  static List<FieldError> validate(JsonSchemaProps s, JsonNode object) {
    List<FieldError> errs = new ArrayList<>();
    if (object != null && object.isObject()) {
      validateObject(null, s, object, errs);
    }
    return errs;
  }

  private static void validateObject(String path, JsonSchemaProps s, JsonNode obj, List<FieldError> errs) {
    if (s == null) {
      return;
    }
    if (s.additionalPropertiesSchema() != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        validateValue(Paths.key(path, e.getKey()), s.additionalPropertiesSchema(), e.getValue(), errs);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonSchemaProps sub = s.properties.get(e.getKey());
      if (sub != null) {
        validateValue(Paths.child(path, e.getKey()), sub, e.getValue(), errs);
      }
    }
  }

  private static void validateValue(String path, JsonSchemaProps s, JsonNode value, List<FieldError> errs) {
    if (value.isArray()) {
      validateArray(path, s, value, errs);
    } else if (value.isObject()) {
      validateObject(path, s, value, errs);
    }
  }

  private static void validateArray(String path, JsonSchemaProps s, JsonNode list, List<FieldError> errs) {
    if (s == null) {
      return;
    }
    if ("set".equals(s.xListType)) {
      List<Object> identities = new ArrayList<>();
      list.forEach(item -> identities.add(identity(item)));
      for (int i : secondOccurrences(identities)) {
        errs.add(new FieldError(Paths.index(path, i), FieldError.Type.DUPLICATE, GoJson.badValue(list.get(i)), ""));
      }
    } else if ("map".equals(s.xListType)) {
      validateMapList(path, s, list, errs);
    }
    if (s.items != null) {
      for (int i = 0; i < list.size(); i++) {
        validateValue(Paths.index(path, i), s.items, list.get(i), errs);
      }
    }
  }

  private static void validateMapList(String path, JsonSchemaProps s, JsonNode list, List<FieldError> errs) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (!GoJson.isNull(item) && !item.isObject()) {
        errs.add(new FieldError(Paths.index(path, i), FieldError.Type.INVALID, GoJson.badValue(item),
            "must be an object for an array of list-type map"));
        return;
      }
    }
    if (list.size() <= 1) {
      return;
    }
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (s.xListMapKeys.size() == 1) {
      String keyField = s.xListMapKeys.get(0);
      List<Object> keys = new ArrayList<>();
      List<JsonNode> keyValues = new ArrayList<>();
      for (JsonNode item : list) {
        JsonNode key = GoJson.isNull(item) ? null : item.get(keyField);
        keyValues.add(key);
        keys.add(key == null ? UNSPECIFIED : identity(key));
      }
      for (int i : secondOccurrences(keys)) {
        ObjectNode shown = nodes.objectNode();
        if (keys.get(i) != UNSPECIFIED) {
          shown.set(keyField, keyValues.get(i));
        }
        errs.add(new FieldError(Paths.index(path, i), FieldError.Type.DUPLICATE,
            new GoFormat.GoLiteral(GoJson.sharpV(shown)), ""));
      }
      return;
    }
    List<ObjectNode> keyObjects = new ArrayList<>();
    List<Object> keys = new ArrayList<>();
    for (JsonNode item : list) {
      ObjectNode key = nodes.objectNode();
      if (!GoJson.isNull(item)) {
        for (String keyField : s.xListMapKeys) {
          if (item.has(keyField)) {
            key.set(keyField, item.get(keyField));
          }
        }
      }
      keyObjects.add(key);
      keys.add(identity(key));
    }
    for (int i : secondOccurrences(keys)) {
      errs.add(new FieldError(Paths.index(path, i), FieldError.Type.DUPLICATE,
          new GoFormat.GoLiteral(GoJson.sharpV(keyObjects.get(i))), ""));
    }
  }

  /** Go map-key identity: scalars by dynamic type and value, maps and slices by their JSON encoding. */
  private static Object identity(JsonNode value) {
    GoJson.Kind kind = GoJson.kind(value);
    return switch (kind) {
      case OBJECT, ARRAY -> "json:" + GoJson.marshal(value);
      case NULL -> kind;
      case BOOL -> List.of(kind, value.booleanValue());
      case INT -> List.of(kind, value.longValue());
      case FLOAT -> List.of(kind, value.doubleValue());
      case STRING -> List.of(kind, value.asText());
    };
  }

  /** Indexes where a value is seen for the second time (third and later repeats are not reported). */
  private static List<Integer> secondOccurrences(List<Object> identities) {
    List<Integer> out = new ArrayList<>();
    if (identities.size() <= 1) {
      return out;
    }
    Map<Object, Integer> seen = new HashMap<>();
    for (int i = 0; i < identities.size(); i++) {
      int times = seen.merge(identities.get(i), 1, Integer::sum);
      if (times == 2) {
        out.add(i);
      }
    }
    return out;
  }
}
