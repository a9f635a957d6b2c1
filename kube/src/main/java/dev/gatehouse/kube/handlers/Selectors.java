package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.meta.fields.FieldSelector;
import dev.gatehouse.kube.meta.fields.FieldSelectors;
import dev.gatehouse.kube.meta.labels.LabelSelector;
import dev.gatehouse.kube.meta.labels.SelectorParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the {@link ObjectFilter} of a list, watch or deletecollection from labelSelector and fieldSelector.
 * Unparseable selectors and unsupported field labels are 400 BadRequest with upstream's text.
 */
final class Selectors {
  private Selectors() {}

  static ObjectFilter fromRequest(ResourceContext ctx) {
    String labels = ctx.request().queryParam("labelSelector");
    String fields = ctx.request().queryParam("fieldSelector");
    String group = ctx.type().group();
    String resource = ctx.type().plural();
    LabelSelector labelSelector = null;
    FieldSelector fieldSelector = null;
    try {
      if (labels != null && !labels.isBlank()) {
        labelSelector = LabelSelector.parse(labels);
      }
      if (fields != null && !fields.isBlank()) {
        fieldSelector = FieldSelectors.parseFor(group, resource, fields);
      }
    } catch (SelectorParseException e) {
      throw Errors.badRequest(e.getMessage());
    }
    if (labelSelector == null && fieldSelector == null) {
      return ObjectFilter.ALL;
    }
    LabelSelector l = labelSelector;
    FieldSelector f = fieldSelector;
    return o -> (l == null || l.matches(labelsOf(o))) && (f == null || FieldSelectors.matches(f, group, resource, o));
  }

  private static Map<String, String> labelsOf(ObjectNode object) {
    Map<String, String> labels = new HashMap<>();
    object.path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }
}
