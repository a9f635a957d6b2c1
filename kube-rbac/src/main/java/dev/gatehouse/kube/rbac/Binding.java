package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A RoleBinding ({@code namespace} set) or ClusterRoleBinding ({@code namespace} empty). */
public record Binding(String name, String namespace, Map<String, String> labels, Map<String, String> annotations,
                      RoleRef roleRef, List<Subject> subjects) {

    public Binding {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        subjects = List.copyOf(subjects);
    }

    public static Binding clusterBinding(String name, RoleRef roleRef, List<Subject> subjects) {
        return new Binding(name, "", Map.of(), Map.of(), roleRef, subjects);
    }

    public static Binding namespaced(String namespace, String name, RoleRef roleRef, List<Subject> subjects) {
        return new Binding(name, namespace, Map.of(), Map.of(), roleRef, subjects);
    }

    /** Reads a stored RoleBinding or ClusterRoleBinding object. */
    public static Binding fromJson(JsonNode object) {
        JsonNode meta = Fields.metadata(object);
        List<Subject> subjects = new ArrayList<>();
        for (JsonNode s : Fields.array(object, "subjects")) {
            subjects.add(Subject.fromJson(s));
        }
        return new Binding(Fields.text(meta, "name"), Fields.text(meta, "namespace"),
                Fields.stringMap(meta, "labels"), Fields.stringMap(meta, "annotations"),
                RoleRef.fromJson(object.get("roleRef")), subjects);
    }

    public boolean isClusterRoleBinding() {
        return namespace.isEmpty();
    }

    /** Upstream {@code appliesTo}: the index of the first subject naming the user, or -1. */
    int firstSubjectFor(String user, List<String> groups) {
        for (int i = 0; i < subjects.size(); i++) {
            if (subjects.get(i).appliesTo(user, groups, namespace)) {
                return i;
            }
        }
        return -1;
    }
}
