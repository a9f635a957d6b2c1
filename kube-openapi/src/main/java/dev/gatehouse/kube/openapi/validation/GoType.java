package dev.gatehouse.kube.openapi.validation;

/**
 * The Go type a JSON value decodes into on the server, as far as {@code encoding/json} behaviour depends on it. The
 * swagger does not name Go types, so {@link #typeName()} is reconstructed: {@code v1.PodSpec},
 * {@code []v1.Container}, {@code map[string]string}, {@code int32}. Named scalar and map types (for example
 * {@code v1.PullPolicy} or {@code v1.ResourceList}) are indistinguishable from their underlying types in the
 * swagger and are rendered as the underlying type.
 */
sealed interface GoType
    permits GoStruct, GoType.GoMap, GoType.GoSlice, GoType.GoScalar, GoType.GoIntOrString, GoType.GoQuantity,
        GoType.GoTime, GoType.GoRaw, GoType.GoAny {

  /** Go's {@code reflect.Type.String()}, used in "of type ..." error messages. */
  String typeName();

  /** {@code map[string]T}: any key, values of one type. */
  record GoMap(GoType element) implements GoType {
    @Override
    public String typeName() {
      return "map[string]" + element.typeName();
    }
  }

  /** {@code []T}. */
  record GoSlice(GoType element) implements GoType {
    @Override
    public String typeName() {
      return "[]" + element.typeName();
    }
  }

  /** A JSON scalar type. */
  record GoScalar(Kind kind) implements GoType {
    enum Kind {
      STRING("string"),
      BOOL("bool"),
      INT32("int32"),
      INT64("int64"),
      FLOAT64("float64"),
      /** {@code []byte}: a base64 string. */
      BYTES("[]uint8");

      private final String goName;

      Kind(String goName) {
        this.goName = goName;
      }
    }

    @Override
    public String typeName() {
      return kind.goName;
    }
  }

  /** {@code intstr.IntOrString}, whose UnmarshalJSON decodes strings, and everything else into an int32. */
  record GoIntOrString() implements GoType {
    @Override
    public String typeName() {
      return "intstr.IntOrString";
    }
  }

  /** {@code resource.Quantity}, whose UnmarshalJSON parses the string or number text. */
  record GoQuantity() implements GoType {
    @Override
    public String typeName() {
      return "resource.Quantity";
    }
  }

  /** {@code metav1.Time} or {@code metav1.MicroTime}: a string parsed with {@code time.Parse(layout, s)}. */
  record GoTime(String layout, String typeName) implements GoType {
    static final GoTime TIME = new GoTime(GoTimeParser.RFC3339, "v1.Time");
    static final GoTime MICRO_TIME = new GoTime(GoTimeParser.RFC3339_MICRO, "v1.MicroTime");
  }

  /** A type with a custom UnmarshalJSON that keeps raw bytes (RawExtension, FieldsV1, JSON): accepts anything. */
  record GoRaw(String typeName) implements GoType {}

  /** {@code interface{}}: any value; nested objects are still checked for duplicate keys. */
  record GoAny() implements GoType {
    @Override
    public String typeName() {
      return "interface {}";
    }
  }
}
