package dev.gatehouse.kube.tables;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.resource.ResourceType;
import java.time.Instant;
import java.util.List;

/**
 * Server-side printing: objects to a {@code meta.k8s.io/v1} Table with kube-apiserver's columns for the kind,
 * rows carrying {@code PartialObjectMetadata} (or the object, or nothing, per {@code includeObject}).
 */
public final class Tables {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final Columns columns;

  public Tables(Columns columns) {
    this.columns = columns;
  }

  /** Column definitions and cells for one kind. */
  public interface Columns {
    List<ObjectNode> definitions(ResourceType type);

    List<Object> cells(ResourceType type, ObjectNode object, Instant now);
  }

  public ObjectNode table(ResourceType type, List<ObjectNode> objects, String includeObject, Instant now,
      boolean withColumns) {
    ObjectNode table = F.objectNode();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata");
    ArrayNode defs = table.putArray("columnDefinitions");
    if (withColumns) {
      columns.definitions(type).forEach(defs::add);
    }
    ArrayNode rows = table.putArray("rows");
    for (ObjectNode object : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      for (Object cell : columns.cells(type, object, now)) {
        cells.add(cellNode(cell));
      }
      switch (includeObject) {
        case "None" -> { }
        case "Object" -> row.set("object", object);
        default -> row.set("object", partialMetadata(object));
      }
    }
    return table;
  }

  private static com.fasterxml.jackson.databind.JsonNode cellNode(Object cell) {
    if (cell == null) {
      return F.nullNode();
    }
    if (cell instanceof String s) {
      return F.textNode(s);
    }
    if (cell instanceof Integer i) {
      return F.numberNode(i);
    }
    if (cell instanceof Long l) {
      return F.numberNode(l);
    }
    if (cell instanceof Boolean b) {
      return F.booleanNode(b);
    }
    if (cell instanceof com.fasterxml.jackson.databind.JsonNode n) {
      return n;
    }
    return F.textNode(cell.toString());
  }

  static ObjectNode partialMetadata(ObjectNode object) {
    ObjectNode partial = F.objectNode();
    partial.put("kind", "PartialObjectMetadata");
    partial.put("apiVersion", "meta.k8s.io/v1");
    partial.set("metadata", object.path("metadata").deepCopy());
    return partial;
  }
}
