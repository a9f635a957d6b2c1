package dev.gatehouse.kube.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.patch.apply.ManagedState.VersionedSet;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code metadata.managedFields} to and from {@link ManagedState} (upstream internal/managedfields.go). */
final class ManagedFieldsCodec {
  private ManagedFieldsCodec() {}

  /** A managedFields list that cannot be decoded; the message is upstream's. */
  static final class InvalidManagedFields extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidManagedFields(String message) {
      super(message, null, false, false);
    }
  }

  /** The managedFields of an object; an object without them has an empty state. */
  static ManagedState decode(JsonNode object) {
    ManagedState state = new ManagedState();
    JsonNode entries = managedFields(object);
    if (entries == null || !entries.isArray()) {
      return state;
    }
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      String operation = entry.path("operation").asText("");
      if (!operation.equals(ManagerId.APPLY) && !operation.equals(ManagerId.UPDATE)) {
        throw new InvalidManagedFields("operation must be `Apply` or `Update`");
      }
      String apiVersion = entry.path("apiVersion").asText("");
      if (apiVersion.isEmpty()) {
        throw new InvalidManagedFields("apiVersion must not be empty");
      }
      String fieldsType = entry.path("fieldsType").asText("");
      if (fieldsType.isEmpty()) {
        throw new InvalidManagedFields("missing fieldsType in managed fields entry " + i);
      }
      if (!fieldsType.equals("FieldsV1")) {
        throw new InvalidManagedFields(
            "invalid fieldsType " + SmdValues.goQuote(fieldsType) + " in managed fields entry " + i);
      }
      String id = ManagerId.of(entry.path("manager").asText(""), operation, apiVersion,
          entry.path("subresource").asText("")).identifier();
      FieldSet set;
      try {
        set = FieldSet.fromFieldsV1(entry.has("fieldsV1") ? entry.get("fieldsV1") : JsonNodeFactory.instance.objectNode());
      } catch (IllegalArgumentException e) {
        throw new InvalidManagedFields("error decoding versioned set: error decoding set: " + e.getMessage());
      }
      state.fields.put(id, new VersionedSet(set, apiVersion, operation.equals(ManagerId.APPLY)));
      JsonNode time = entry.get("time");
      if (time != null && time.isTextual()) {
        try {
          state.times.put(id, Instant.parse(time.asText()));
        } catch (DateTimeParseException e) {
          throw new InvalidManagedFields("invalid time " + time.asText());
        }
      } else {
        state.times.remove(id);
      }
    }
    return state;
  }

  /** Whether the object asks for its managedFields to be reset: an empty list, or one empty entry. */
  static boolean isReset(JsonNode object) {
    JsonNode entries = managedFields(object);
    if (entries == null || !entries.isArray()) {
      return false;
    }
    return entries.isEmpty() || entries.size() == 1 && entries.get(0).isObject() && entries.get(0).isEmpty();
  }

  static JsonNode managedFields(JsonNode object) {
    JsonNode value = object == null ? null : object.path("metadata").get("managedFields");
    return value == null || value.isNull() ? null : value;
  }

  /** The entries of a state, sorted as upstream sorts them; null when there are none. */
  static ArrayNode encode(ManagedState state) {
    if (state.fields.isEmpty()) {
      return null;
    }
    List<ObjectNode> entries = new ArrayList<>();
    for (Map.Entry<String, VersionedSet> e : state.fields.entrySet()) {
      ManagerId id = ManagerId.parse(e.getKey());
      VersionedSet vs = e.getValue();
      ObjectNode entry = JsonNodeFactory.instance.objectNode();
      entry.put("manager", id.manager());
      entry.put("operation", vs.applied() ? ManagerId.APPLY : id.operation());
      entry.put("apiVersion", vs.apiVersion());
      Instant time = state.times.get(e.getKey());
      if (time != null) {
        entry.put("time", formatTime(time));
      }
      entry.put("fieldsType", "FieldsV1");
      entry.set("fieldsV1", vs.set().toFieldsV1());
      if (!id.subresource().isEmpty()) {
        entry.put("subresource", id.subresource());
      }
      entries.add(entry);
    }
    entries.sort(Comparator.<ObjectNode, String>comparing(n -> n.path("operation").asText())
        .thenComparingLong(n -> n.has("time") ? Instant.parse(n.get("time").asText()).getEpochSecond() : 0)
        .thenComparing(n -> n.path("manager").asText())
        .thenComparing(n -> n.path("apiVersion").asText())
        .thenComparing(n -> n.path("subresource").asText("")));
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    entries.forEach(out::add);
    return out;
  }

  /** metav1.Time: RFC 3339 in UTC with whole seconds. */
  static String formatTime(Instant time) {
    return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
  }
}
