package dev.gatehouse.kube.tables;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.meta.printers.ColumnDefinition;
import dev.gatehouse.kube.meta.printers.CustomResourceTable;
import dev.gatehouse.kube.meta.printers.TableConvertor;
import dev.gatehouse.kube.resource.ResourceType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Columns from kube-meta's printers: kube-apiserver's per-kind printers for built-ins, a CRD version's
 * additionalPrinterColumns (plus Age) for custom resources.
 */
public final class PrinterColumns implements Tables.Columns {
  private final TableConvertor convertor = new TableConvertor();
  private final Map<ResourceType, CustomResourceTable> custom = new ConcurrentHashMap<>();

  @Override
  public List<ObjectNode> definitions(ResourceType type) {
    List<ColumnDefinition> columns = type.isCustom() ? customTable(type).columns()
        : convertor.columns(type.group(), type.plural());
    return columns.stream().map(PrinterColumns::toJson).toList();
  }

  @Override
  public List<Object> cells(ResourceType type, ObjectNode object, Instant now) {
    return type.isCustom() ? customTable(type).cells(object, now)
        : convertor.cells(type.group(), type.plural(), object, now);
  }

  private CustomResourceTable customTable(ResourceType type) {
    return custom.computeIfAbsent(type, t -> CustomResourceTable.fromCrdVersion(t.crdVersion()));
  }

  private static ObjectNode toJson(ColumnDefinition c) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", c.name());
    node.put("type", c.type());
    node.put("format", c.format());
    node.put("description", c.description());
    node.put("priority", c.priority());
    return node;
  }
}
