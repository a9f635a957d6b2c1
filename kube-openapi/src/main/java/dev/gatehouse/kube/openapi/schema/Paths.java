package dev.gatehouse.kube.openapi.schema;

/**
 * {@code field.Path} rendering on plain strings, where {@code null} is Go's nil path (the resource root).
 * Children are dotted, map keys and indexes bracketed; keys are not quoted.
 */
final class Paths {
  private Paths() {}

  static String child(String base, String name) {
    return base == null || base.isEmpty() ? name : base + "." + name;
  }

  static String key(String base, String key) {
    return (base == null ? "" : base) + "[" + key + "]";
  }

  static String index(String base, int i) {
    return (base == null ? "" : base) + "[" + i + "]";
  }
}
