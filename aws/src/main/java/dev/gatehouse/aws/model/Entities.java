package dev.gatehouse.aws.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers shared by the entity records. */
final class Entities {
  private Entities() {}

  /** Inline policies keep the order they were put in, as ListUserPolicies shows them. */
  static Map<String, String> orderedCopy(Map<String, String> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
