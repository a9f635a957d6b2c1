package dev.gatehouse.kube.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.validation.FieldError;
import dev.gatehouse.kube.meta.validation.GoFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * apiextensions' {@code kubeOpenAPIResultToFieldErrors}: how a kube-openapi result becomes the
 * {@code field.Error}s of a 422. The error's data path becomes the field ({@code .spec} becomes {@code spec});
 * required, enum, maxLength, maxItems and maxProperties get their own error types, everything else is
 * {@code Invalid value} with the kube-openapi message as detail. Composite errors (anyOf, ...) have no field
 * and render as {@code <nil>} at the resource root.
 */
final class OpenApiErrors {
  private OpenApiErrors() {}

  /**
   * @param base the field path the validated value sits at, rendered ({@code status}, or
   *             {@code spec.validation.openAPIV3Schema.default}); null for a whole custom resource
   */
  static List<FieldError> toFieldErrors(String base, OpenApiResult result) {
    List<FieldError> out = new ArrayList<>();
    for (OpenApiError error : result.errors) {
      if (error instanceof OpenApiError.Validation v) {
        out.add(convert(base, v));
      } else {
        out.add(new FieldError(render(base), FieldError.Type.INVALID, "", error.message()));
      }
    }
    return out;
  }

  private static FieldError convert(String base, OpenApiError.Validation v) {
    String field = render(v.name().isEmpty() || v.name().equals(".") ? base
        : child(base, v.name().startsWith(".") ? v.name().substring(1) : v.name()));
    return switch (v.code()) {
      case REQUIRED -> new FieldError(field, FieldError.Type.REQUIRED, "", "");
      case ENUM -> new FieldError(field, FieldError.Type.NOT_SUPPORTED, goValue(v.value(), false),
          "supported values: " + v.values().stream().map(OpenApiErrors::enumText).map(GoFormat::quote)
              .collect(Collectors.joining(", ")));
      case TOO_LONG -> {
        long max = v.valid() instanceof Long l ? l : -1;
        yield new FieldError(field, FieldError.Type.TOO_LONG, "<value omitted>",
            max >= 0 ? "may not be more than " + max + " bytes" : "value is too long");
      }
      case MAX_ITEMS, TOO_MANY_PROPERTIES -> {
        long actual = v.value() instanceof Long l ? l : -1;
        long max = v.valid() instanceof Long l ? l : -1;
        yield new FieldError(field, FieldError.Type.TOO_MANY, actual >= 0 ? actual : FieldError.OMIT_VALUE,
            max >= 0 ? "must have at most " + max + " items" : "has too many items");
      }
      case INVALID_TYPE -> new FieldError(field, FieldError.Type.TYPE_INVALID, goValue(v.value(), true),
          v.message());
      default -> new FieldError(field, FieldError.Type.INVALID, goValue(v.value(), true), v.message());
    };
  }

  /** An enum entry in the supported list: strings as they are, anything else as JSON. */
  private static String enumText(JsonNode value) {
    return GoJson.kind(value) == GoJson.Kind.STRING ? value.asText() : GoJson.marshal(value);
  }

  /**
   * The bad value as {@code field.Error} prints it. Upstream substitutes {@code ""} for a nil value except for
   * enum failures, where a nil (JSON null) prints as {@code "null"}.
   */
  private static Object goValue(Object value, boolean nilAsEmpty) {
    if (value == null || value instanceof JsonNode n && GoJson.isNull(n) && nilAsEmpty) {
      return "";
    }
    if (value instanceof JsonNode n) {
      return GoJson.badValue(n);
    }
    return value;
  }

  static String child(String base, String name) {
    return base == null ? name : base + "." + name;
  }

  static String render(String path) {
    return path == null ? "<nil>" : path;
  }
}
