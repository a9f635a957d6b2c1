package dev.gatehouse.kube.registry.strategies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.StatusException.Cause;
import dev.gatehouse.kube.handlers.Strategy;
import java.util.ArrayList;
import java.util.List;

/**
 * Validation of the four RBAC kinds with kube-apiserver's field paths and messages
 * (k8s.io/kubernetes pkg/apis/rbac/validation): rules need verbs and either resources with API groups or
 * non-resource URLs (cluster roles only); bindings need a valid roleRef (immutable once set) and subjects of a
 * known kind with the right API group.
 */
public final class RbacValidation implements Strategy {
  private static final String GROUP = "rbac.authorization.k8s.io";
  private final boolean namespacedRole;
  private final boolean binding;
  private final boolean clusterBinding;

  private RbacValidation(boolean namespacedRole, boolean binding, boolean clusterBinding) {
    this.namespacedRole = namespacedRole;
    this.binding = binding;
    this.clusterBinding = clusterBinding;
  }

  public static RbacValidation role() {
    return new RbacValidation(true, false, false);
  }

  public static RbacValidation clusterRole() {
    return new RbacValidation(false, false, false);
  }

  public static RbacValidation roleBinding() {
    return new RbacValidation(false, true, false);
  }

  public static RbacValidation clusterRoleBinding() {
    return new RbacValidation(false, true, true);
  }

  @Override
  public List<Cause> validate(ObjectNode object) {
    return validateUpdate(object, null);
  }

  @Override
  public List<Cause> validateUpdate(ObjectNode object, ObjectNode old) {
    List<Cause> causes = new ArrayList<>();
    if (binding) {
      validateBinding(object, old == null ? null : old.path("roleRef"), causes);
    } else {
      JsonNode rules = object.path("rules");
      for (int i = 0; i < rules.size(); i++) {
        validateRule(rules.get(i), "rules[" + i + "]", causes);
      }
    }
    return causes;
  }

  private void validateRule(JsonNode rule, String path, List<Cause> causes) {
    if (rule.path("verbs").isEmpty()) {
      causes.add(required(path + ".verbs", "verbs must contain at least one value"));
    }
    JsonNode urls = rule.path("nonResourceURLs");
    if (!urls.isEmpty()) {
      if (namespacedRole) {
        causes.add(invalid(path + ".nonResourceURLs", goList(urls), "namespaced rules cannot apply to non-resource URLs"));
      }
      if (!rule.path("apiGroups").isEmpty() || !rule.path("resources").isEmpty()
          || !rule.path("resourceNames").isEmpty()) {
        causes.add(invalid(path + ".nonResourceURLs", goList(urls),
            "rules cannot apply to both regular resources and non-resource URLs"));
      }
      return;
    }
    if (rule.path("apiGroups").isEmpty()) {
      causes.add(required(path + ".apiGroups", "resource rules must supply at least one api group"));
    }
    if (rule.path("resources").isEmpty()) {
      causes.add(required(path + ".resources", "resource rules must supply at least one resource"));
    }
  }

  private void validateBinding(ObjectNode object, JsonNode oldRoleRef, List<Cause> causes) {
    JsonNode ref = object.path("roleRef");
    if (oldRoleRef != null && !oldRoleRef.isMissingNode() && !oldRoleRef.equals(ref)) {
      causes.add(new Cause("FieldValueInvalid", "Invalid value: " + goRoleRef(ref) + ": cannot change roleRef",
          "roleRef"));
    }
    String apiGroup = ref.path("apiGroup").asText("");
    if (!apiGroup.equals(GROUP)) {
      causes.add(unsupported("roleRef.apiGroup", apiGroup, List.of(GROUP)));
    }
    String kind = ref.path("kind").asText("");
    List<String> kinds = clusterBinding ? List.of("ClusterRole") : List.of("Role", "ClusterRole");
    if (!kinds.contains(kind)) {
      causes.add(unsupported("roleRef.kind", kind, kinds));
    }
    String name = ref.path("name").asText("");
    if (name.isEmpty()) {
      causes.add(required("roleRef.name", ""));
    }
    JsonNode subjects = object.path("subjects");
    for (int i = 0; i < subjects.size(); i++) {
      validateSubject(subjects.get(i), "subjects[" + i + "]", causes);
    }
  }

  private void validateSubject(JsonNode subject, String path, List<Cause> causes) {
    String name = subject.path("name").asText("");
    if (name.isEmpty()) {
      causes.add(required(path + ".name", ""));
    }
    String kind = subject.path("kind").asText("");
    String apiGroup = subject.path("apiGroup").asText("");
    switch (kind) {
      case "ServiceAccount" -> {
        if (!apiGroup.isEmpty()) {
          causes.add(unsupported(path + ".apiGroup", apiGroup, List.of("")));
        }
        if (clusterBinding && subject.path("namespace").asText("").isEmpty()) {
          causes.add(required(path + ".namespace", ""));
        }
      }
      case "User", "Group" -> {
        if (!apiGroup.equals(GROUP)) {
          causes.add(unsupported(path + ".apiGroup", apiGroup, List.of(GROUP)));
        }
      }
      default -> causes.add(unsupported(path + ".kind", kind, List.of("ServiceAccount", "User", "Group")));
    }
  }

  private static Cause required(String field, String detail) {
    return new Cause("FieldValueRequired", detail.isEmpty() ? "Required value" : "Required value: " + detail, field);
  }

  private static Cause invalid(String field, String value, String detail) {
    return new Cause("FieldValueInvalid", "Invalid value: " + value + ": " + detail, field);
  }

  private static Cause unsupported(String field, String value, List<String> supported) {
    StringBuilder values = new StringBuilder();
    for (String s : supported) {
      values.append(values.length() == 0 ? "" : ", ").append('"').append(s).append('"');
    }
    return new Cause("FieldValueNotSupported", "Unsupported value: \"" + value + "\": supported values: " + values,
        field);
  }

  /** Go's %#v of a []string, as field.Invalid renders it. */
  private static String goList(JsonNode values) {
    StringBuilder out = new StringBuilder("[]string{");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ", ").append('"').append(values.get(i).asText()).append('"');
    }
    return out.append('}').toString();
  }

  private static String goRoleRef(JsonNode ref) {
    return "rbac.RoleRef{APIGroup:\"" + ref.path("apiGroup").asText("") + "\", Kind:\"" + ref.path("kind").asText("")
        + "\", Name:\"" + ref.path("name").asText("") + "\"}";
  }
}
