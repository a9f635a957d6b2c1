package dev.gatehouse.kube.openapi.v3;

import java.util.List;

/** kube-apiserver's operation ids and tags ({@code apiserver/pkg/endpoints/openapi.GetOperationIDAndTags}). */
final class OperationIds {
  /** The verb trie of GetOperationIDAndTags; its lookup returns the shortest verb that prefixes the name. */
  private static final List<String> VERBS = List.of("get", "log", "read", "replace", "patch", "delete",
      "deletecollection", "watch", "connect", "proxy", "list", "create");

  private OperationIds() {}

  /** E.g. {@code listNamespacedCronTab} in stable.example.com/v1 → {@code listStableExampleComV1NamespacedCronTab}. */
  static String operationId(String operationName, String group, String version) {
    String verb = shortestVerbPrefix(operationName);
    String rest = operationName.substring(verb.length());
    return verb + toValidOperationId(trimGroup(group), true) + toValidOperationId(version, true)
        + toValidOperationId(rest, true);
  }

  /** E.g. {@code stableExampleCom_v1}. */
  static String tag(String group, String version) {
    return toValidOperationId(trimGroup(group), false) + "_" + toValidOperationId(version, false);
  }

  private static String trimGroup(String group) {
    return group.endsWith(".k8s.io") ? group.substring(0, group.length() - ".k8s.io".length()) : group;
  }

  private static String shortestVerbPrefix(String name) {
    String best = null;
    for (String verb : VERBS) {
      if (name.startsWith(verb) && (best == null || verb.length() < best.length())) {
        best = verb;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("openapi: operation names should start with a verb: " + name);
    }
    return best;
  }

  /** {@code openapi.ToValidOperationID}: drop punctuation, upper-case the letter after it. */
  static String toValidOperationId(String s, boolean capitalizeFirst) {
    StringBuilder out = new StringBuilder(s.length());
    boolean capitalize = capitalizeFirst;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLetter(cp) || cp == '_' || (i != 0 && Character.isDigit(cp))) {
        out.appendCodePoint(capitalize ? Character.toUpperCase(cp) : cp);
        capitalize = false;
      } else {
        capitalize = true;
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
