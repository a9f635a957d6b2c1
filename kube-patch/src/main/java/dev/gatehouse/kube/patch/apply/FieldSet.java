package dev.gatehouse.kube.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A set of field paths stored as a trie (structured-merge-diff fieldpath.Set): {@code members} are the paths that end
 * at this level, {@code children} the subsets below each element. Operations return new sets; {@link #insert} is the
 * only mutator and is used while building.
 */
final class FieldSet {
  private final TreeSet<PathElement> members = new TreeSet<>();
  private final TreeMap<PathElement, FieldSet> children = new TreeMap<>();

  static FieldSet of(List<List<PathElement>> paths) {
    FieldSet set = new FieldSet();
    paths.forEach(set::insert);
    return set;
  }

  void insert(List<PathElement> path) {
    if (path.isEmpty()) {
      return;
    }
    FieldSet node = this;
    for (int i = 0; i < path.size() - 1; i++) {
      node = node.children.computeIfAbsent(path.get(i), pe -> new FieldSet());
    }
    node.members.add(path.get(path.size() - 1));
  }

  boolean has(List<PathElement> path) {
    if (path.isEmpty()) {
      return false;
    }
    FieldSet node = this;
    for (int i = 0; i < path.size() - 1; i++) {
      node = node.children.get(path.get(i));
      if (node == null) {
        return false;
      }
    }
    return node.members.contains(path.get(path.size() - 1));
  }

  boolean isEmpty() {
    if (!members.isEmpty()) {
      return false;
    }
    for (FieldSet child : children.values()) {
      if (!child.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** The subset below one element (upstream WithPrefix); empty when there is none. */
  FieldSet child(PathElement pe) {
    FieldSet child = children.get(pe);
    return child == null ? new FieldSet() : child;
  }

  boolean hasMember(PathElement pe) {
    return members.contains(pe);
  }

  FieldSet union(FieldSet other) {
    FieldSet out = new FieldSet();
    out.members.addAll(members);
    out.members.addAll(other.members);
    out.children.putAll(children);
    other.children.forEach((pe, set) -> out.children.merge(pe, set, FieldSet::union));
    return out;
  }

  FieldSet intersection(FieldSet other) {
    FieldSet out = new FieldSet();
    for (PathElement pe : members) {
      if (other.members.contains(pe)) {
        out.members.add(pe);
      }
    }
    children.forEach((pe, set) -> {
      FieldSet theirs = other.children.get(pe);
      if (theirs != null) {
        FieldSet both = set.intersection(theirs);
        if (!both.isEmpty()) {
          out.children.put(pe, both);
        }
      }
    });
    return out;
  }

  FieldSet difference(FieldSet other) {
    FieldSet out = new FieldSet();
    for (PathElement pe : members) {
      if (!other.members.contains(pe)) {
        out.members.add(pe);
      }
    }
    children.forEach((pe, set) -> {
      FieldSet theirs = other.children.get(pe);
      if (theirs == null) {
        out.children.put(pe, set);
      } else {
        FieldSet diff = set.difference(theirs);
        if (!diff.isEmpty()) {
          out.children.put(pe, diff);
        }
      }
    });
    return out;
  }

  /** Like {@link #difference}, but a member of the other set also removes everything below it. */
  FieldSet recursiveDifference(FieldSet other) {
    FieldSet out = new FieldSet();
    for (PathElement pe : members) {
      if (!other.members.contains(pe)) {
        out.members.add(pe);
      }
    }
    children.forEach((pe, set) -> {
      if (other.members.contains(pe)) {
        return;
      }
      FieldSet theirs = other.children.get(pe);
      if (theirs == null) {
        out.children.put(pe, set);
      } else {
        FieldSet diff = set.recursiveDifference(theirs);
        if (!diff.isEmpty()) {
          out.children.put(pe, diff);
        }
      }
    });
    return out;
  }

  /**
   * upstream EnsureNamedFieldsAreMembers: a struct field that has owned children is made a member itself, so removing
   * the set also removes the (then empty) field.
   */
  FieldSet ensureNamedFieldsAreMembers(SsaType type) {
    FieldSet out = new FieldSet();
    out.members.addAll(members);
    children.forEach((pe, set) -> {
      SsaType childType;
      if (pe.isField() && type.hasMap()) {
        if (type.declaresField(pe.name())) {
          out.members.add(pe);
        }
        childType = type.field(pe.name());
      } else if (pe.kind() == PathElement.Kind.KEY && type.hasList()) {
        childType = type.element();
      } else {
        childType = SsaType.NONE;
      }
      out.children.put(pe, set.ensureNamedFieldsAreMembers(childType));
    });
    return out;
  }

  /** Every path of the set: this level's members first, then each child's paths, all in element order. */
  void forEachPath(Consumer<List<PathElement>> action) {
    forEachPath(new ArrayList<>(), action);
  }

  private void forEachPath(List<PathElement> prefix, Consumer<List<PathElement>> action) {
    for (PathElement pe : members) {
      List<PathElement> path = new ArrayList<>(prefix);
      path.add(pe);
      action.accept(List.copyOf(path));
    }
    children.forEach((pe, set) -> {
      prefix.add(pe);
      set.forEachPath(prefix, action);
      prefix.remove(prefix.size() - 1);
    });
  }

  /** The FieldsV1 form: {@code {"f:data":{".":{},"f:a":{}}}}. */
  ObjectNode toFieldsV1() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    emit(out, false);
    return out;
  }

  private void emit(ObjectNode out, boolean includeSelf) {
    if (includeSelf && !(members.isEmpty() && children.isEmpty())) {
      out.putObject(".");
    }
    TreeSet<PathElement> all = new TreeSet<>(members);
    all.addAll(children.keySet());
    for (PathElement pe : all) {
      ObjectNode node = out.putObject(pe.serialize());
      FieldSet child = children.get(pe);
      if (child != null) {
        child.emit(node, members.contains(pe));
      }
    }
  }

  /**
   * Reads FieldsV1. Member names of unknown types are skipped as upstream does.
   *
   * @throws IllegalArgumentException when the document is not a FieldsV1 trie
   */
  static FieldSet fromFieldsV1(JsonNode json) {
    FieldSet set = read(json);
    return set == null ? new FieldSet() : set;
  }

  /** Returns the children read (null when the object has no entries: then the node is a member). */
  private static FieldSet read(JsonNode json) {
    if (!json.isObject()) {
      throw new IllegalArgumentException("FieldsV1 entries must be objects");
    }
    FieldSet children = null;
    for (Map.Entry<String, JsonNode> e : json.properties()) {
      if (e.getKey().equals(".")) {
        continue;
      }
      PathElement pe = PathElement.parse(e.getKey());
      if (pe == null) {
        continue;
      }
      JsonNode value = e.getValue();
      FieldSet grandchildren = read(value);
      boolean member = grandchildren == null || value.has(".");
      if (children == null) {
        children = new FieldSet();
      }
      if (member) {
        children.members.add(pe);
      }
      if (grandchildren != null) {
        children.children.put(pe, grandchildren);
      }
    }
    return children;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSet other && members.equals(other.members) && children.equals(other.children);
  }

  @Override
  public int hashCode() {
    return members.hashCode() * 31 + children.hashCode();
  }

  @Override
  public String toString() {
    List<String> paths = new ArrayList<>();
    forEachPath(p -> paths.add(pathString(p)));
    return String.join("\n", paths);
  }

  static String pathString(List<PathElement> path) {
    StringBuilder out = new StringBuilder();
    path.forEach(out::append);
    return out.toString();
  }
}
