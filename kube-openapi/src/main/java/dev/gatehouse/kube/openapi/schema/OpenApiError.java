package dev.gatehouse.kube.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.validation.GoFormat;
import java.util.List;

/**
 * An error of k8s.io/kube-openapi's schema validator ({@code pkg/validation/errors}), before apiextensions turns
 * it into a {@code field.Error}. The message texts are upstream's; kubectl shows them as the detail of
 * {@code Invalid value} causes, e.g. {@code spec.size in body must be of type integer: "string"}.
 */
sealed interface OpenApiError permits OpenApiError.Validation, OpenApiError.Composite {

  String message();

  /** Validation error codes (upstream {@code InvalidTypeCode} and the ones following it). */
  enum Code {
    INVALID_TYPE, REQUIRED, TOO_LONG, TOO_SHORT, PATTERN, ENUM, MULTIPLE_OF, MAX, MIN, UNIQUE, MAX_ITEMS,
    MIN_ITEMS, NO_ADDITIONAL_ITEMS, TOO_FEW_PROPERTIES, TOO_MANY_PROPERTIES, UNALLOWED_PROPERTY,
    MULTIPLE_OF_MUST_BE_POSITIVE
  }

  /**
   * Upstream {@code *errors.Validation}.
   *
   * @param name   the dotted data path the error is about ({@code .spec} for a required root field)
   * @param value  the offending value: a data node, a type or format name, or a count (Long); may be null
   * @param valid  the limit for length and count errors (Long); may be null
   * @param values the allowed values of an enum failure
   */
  record Validation(Code code, String name, Object value, Object valid, List<JsonNode> values, String message)
      implements OpenApiError {}

  /** Upstream {@code errors.New(CompositeErrorCode, ...)}: anyOf/oneOf/allOf/not summaries. */
  record Composite(String message) implements OpenApiError {}

  String IN = "body";

  static Validation invalidType(String name, String typeName, String value) {
    return new Validation(Code.INVALID_TYPE, name, value, null, null,
        name + " in " + IN + " must be of type " + typeName + ": " + GoFormat.quote(value));
  }

  static Validation required(String name) {
    return new Validation(Code.REQUIRED, name, null, null, null, name + " in " + IN + " is required");
  }

  static Validation tooLong(String name, long max, String value) {
    return new Validation(Code.TOO_LONG, name, value, max, null,
        name + " in " + IN + " should be at most " + max + " chars long");
  }

  static Validation tooShort(String name, long min, String value) {
    return new Validation(Code.TOO_SHORT, name, value, min, null,
        name + " in " + IN + " should be at least " + min + " chars long");
  }

  static Validation failedPattern(String name, String pattern, String value) {
    return new Validation(Code.PATTERN, name, value, null, null,
        name + " in " + IN + " should match '" + pattern + "'");
  }

  static Validation enumFail(String name, JsonNode value, List<JsonNode> values) {
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        list.append(' ');
      }
      list.append(plainV(values.get(i)));
    }
    list.append(']');
    return new Validation(Code.ENUM, name, value, null, values,
        name + " in " + IN + " should be one of " + list);
  }

  /** {@code value} and {@code factor} are Long or Double, printed with Go's {@code %v}. */
  static Validation notMultipleOf(String name, Object factor, Object value) {
    return new Validation(Code.MULTIPLE_OF, name, value, null, null,
        name + " in " + IN + " should be a multiple of " + v(factor));
  }

  static Validation multipleOfMustBePositive(String name, Object factor) {
    return new Validation(Code.MULTIPLE_OF_MUST_BE_POSITIVE, name, factor, null, null,
        "factor MultipleOf declared for " + name + " must be positive: " + v(factor));
  }

  static Validation exceedsMaximum(String name, Object max, boolean exclusive, Object value) {
    String op = exclusive ? " should be less than " : " should be less than or equal to ";
    return new Validation(Code.MAX, name, value, null, null, name + " in " + IN + op + v(max));
  }

  static Validation exceedsMinimum(String name, Object min, boolean exclusive, Object value) {
    String op = exclusive ? " should be greater than " : " should be greater than or equal to ";
    return new Validation(Code.MIN, name, value, null, null, name + " in " + IN + op + v(min));
  }

  static Validation duplicateItems(String name) {
    return new Validation(Code.UNIQUE, name, null, null, null, name + " in " + IN + " shouldn't contain duplicates");
  }

  static Validation tooManyItems(String name, long max, long size) {
    return new Validation(Code.MAX_ITEMS, name, size, max, null,
        name + " in " + IN + " should have at most " + max + " items");
  }

  static Validation tooFewItems(String name, long min, long size) {
    return new Validation(Code.MIN_ITEMS, name, size, min, null,
        name + " in " + IN + " should have at least " + min + " items");
  }

  static Validation tooManyProperties(String name, long max, long size) {
    return new Validation(Code.TOO_MANY_PROPERTIES, name, size, max, null,
        name + " in " + IN + " should have at most " + max + " properties");
  }

  static Validation tooFewProperties(String name, long min, long size) {
    return new Validation(Code.TOO_FEW_PROPERTIES, name, size, min, null,
        name + " in " + IN + " should have at least " + min + " properties");
  }

  static Validation propertyNotAllowed(String name, String key) {
    return new Validation(Code.UNALLOWED_PROPERTY, name, key, null, null,
        name + "." + key + " in " + IN + " is a forbidden property");
  }

  static Composite mustValidateAtLeastOne(String path) {
    return new Composite(GoFormat.quote(path) + " must validate at least one schema (anyOf)");
  }

  static Composite mustValidateOnlyOne(String path, String additional) {
    return new Composite(GoFormat.quote(path) + " must validate one and only one schema (oneOf). " + additional);
  }

  static Composite mustValidateAll(String path, String additional) {
    return new Composite(GoFormat.quote(path) + " must validate all the schemas (allOf)" + additional);
  }

  static Composite mustNotValidate(String path) {
    return new Composite(GoFormat.quote(path) + " must not validate the schema (not)");
  }

  /** Go's {@code %v} of a number constraint or value. */
  private static String v(Object number) {
    if (number instanceof Double d) {
      return GoFormat.formatFloat(d);
    }
    if (number instanceof JsonNode node) {
      return plainV(node);
    }
    return String.valueOf(number);
  }

  /** Go's {@code %v} of a decoded value: strings bare, maps as {@code map[k:v]}, nil as {@code <nil>}. */
  static String plainV(JsonNode node) {
    return switch (GoJson.kind(node)) {
      case NULL -> "<nil>";
      case BOOL -> String.valueOf(node.booleanValue());
      case INT -> String.valueOf(node.longValue());
      case FLOAT -> GoFormat.formatFloat(node.doubleValue());
      case STRING -> node.asText();
      case ARRAY -> {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < node.size(); i++) {
          sb.append(i > 0 ? " " : "").append(plainV(node.get(i)));
        }
        yield sb.append(']').toString();
      }
      case OBJECT -> {
        List<String> keys = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        keys.sort(GoJson::compareGoStrings);
        StringBuilder sb = new StringBuilder("map[");
        for (int i = 0; i < keys.size(); i++) {
          sb.append(i > 0 ? " " : "").append(keys.get(i)).append(':').append(plainV(node.get(keys.get(i))));
        }
        yield sb.append(']').toString();
      }
    };
  }
}
