package dev.gatehouse.kube.openapi.validation;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A Go struct: a fixed set of JSON field names. Field types are resolved on first use because API types are
 * recursive ({@code JSONSchemaProps} contains itself).
 */
final class GoStruct implements GoType {
  private final String name;
  private final String typeName;
  private final Map<String, Object> fieldSchemas;
  private final Function<Object, GoType> resolver;
  private final Map<String, GoType> resolved = new ConcurrentHashMap<>();

  /**
   * @param name the bare Go type name reported as the struct in "Go struct field X.path" messages
   * @param typeName the package-qualified name, e.g. {@code v1.ObjectMeta}
   * @param fieldSchemas JSON field name to an opaque schema handle that {@code resolver} turns into a type
   */
  GoStruct(String name, String typeName, Map<String, Object> fieldSchemas, Function<Object, GoType> resolver) {
    this.name = name;
    this.typeName = typeName;
    this.fieldSchemas = Map.copyOf(fieldSchemas);
    this.resolver = resolver;
  }

  String name() {
    return name;
  }

  @Override
  public String typeName() {
    return typeName;
  }

  /** The field's type, or empty for a JSON key the struct does not know (matched case-sensitively). */
  Optional<GoType> field(String jsonName) {
    Object schema = fieldSchemas.get(jsonName);
    if (schema == null) {
      return Optional.empty();
    }
    return Optional.of(resolved.computeIfAbsent(jsonName, k -> resolver.apply(schema)));
  }

  @Override
  public String toString() {
    return typeName;
  }
}
