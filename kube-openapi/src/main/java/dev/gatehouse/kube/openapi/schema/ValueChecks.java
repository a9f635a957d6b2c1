package dev.gatehouse.kube.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.openapi.schema.GoJson.Kind;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The leaf checks of kube-openapi's validator: type, string (length, pattern), format, number (multipleOf,
 * bounds) and enum. Each returns null or a result in upstream's shape, including the match count that
 * {@code anyOf}/{@code oneOf} use to rank failed alternatives (a passing type check counts one, a number check
 * always one, the rest zero).
 */
final class ValueChecks {
  private ValueChecks() {}

  /** The types the validator sees: {@code integer,string} for int-or-string, else the schema's one type. */
  static List<String> types(JsonSchemaProps s) {
    if (s.xIntOrString) {
      return List.of("integer", "string");
    }
    return s.type.isEmpty() ? List.of() : List.of(s.type);
  }

  static boolean typeApplies(JsonSchemaProps s) {
    return !types(s).isEmpty() || !StringFormats.effective(s.format).isEmpty();
  }

  /** Upstream {@code typeValidator.Validate}. */
  static OpenApiResult type(JsonSchemaProps s, String path, JsonNode data) {
    List<String> types = types(s);
    String format = StringFormats.effective(s.format);
    OpenApiResult ok = new OpenApiResult();
    ok.inc();
    Kind kind = GoJson.kind(data);
    if (kind == Kind.NULL) {
      if (!types.isEmpty() && !types.contains("null") && !s.nullable) {
        return OpenApiResult.of(OpenApiError.invalidType(path, String.join(",", types), "null"));
      }
      return ok;
    }
    String schType = switch (kind) {
      case BOOL -> "boolean";
      case STRING -> "string";
      case INT -> "integer";
      case FLOAT -> "number";
      case ARRAY -> "array";
      default -> "object";
    };
    String dataFormat = kind == Kind.INT ? "int64" : kind == Kind.FLOAT ? "float64" : "";
    boolean floatInt = kind == Kind.FLOAT && isJsonInteger(data.doubleValue()) && types.contains("integer");
    boolean intFloat = kind == Kind.INT && types.contains("number");
    boolean stringOrSlice = kind == Kind.STRING || kind == Kind.ARRAY;
    if (!stringOrSlice && !format.isEmpty()
        && !(types.contains(schType) || dataFormat.equals(format) || floatInt || intFloat)) {
      return OpenApiResult.of(OpenApiError.invalidType(path, format, dataFormat));
    }
    if (!(types.contains("number") || types.contains("integer")) && !format.isEmpty() && stringOrSlice) {
      return ok;
    }
    if (!(types.contains(schType) || floatInt || intFloat)) {
      return OpenApiResult.of(OpenApiError.invalidType(path, String.join(",", types), schType));
    }
    return ok;
  }

  /** swag's {@code IsFloat64AJSONInteger}: integral within ±2^53, or within a 1e-9 relative error of one. */
  static boolean isJsonInteger(double f) {
    if (Double.isNaN(f) || Double.isInfinite(f) || f < -9007199254740992.0 || f > 9007199254740992.0) {
      return false;
    }
    if (f == Math.rint(f)) {
      return true;
    }
    if (f < 0) {
      return false; // Go's uint64(f) of a negative float is not the truncation; no tolerance applies
    }
    double g = Math.floor(f);
    double diff = Math.abs(f - g);
    if (g == 0) {
      return diff < 1e-9 * Double.MIN_VALUE;
    }
    return diff / Math.min(f + g, Double.MAX_VALUE) < 1e-9;
  }

  /** Upstream {@code stringValidator}: only the first failing check is reported. */
  static OpenApiResult string(JsonSchemaProps s, String path, String data) {
    long length = data.codePointCount(0, data.length());
    if (s.maxLength != null && length > s.maxLength) {
      return OpenApiResult.of(OpenApiError.tooLong(path, s.maxLength, data));
    }
    if (s.minLength != null && length < s.minLength) {
      return OpenApiResult.of(OpenApiError.tooShort(path, s.minLength, data));
    }
    if (!s.pattern.isEmpty()) {
      Pattern compiled;
      try {
        compiled = GoRegexp.compile(s.pattern);
      } catch (GoRegexp.SyntaxError e) {
        return OpenApiResult.of(OpenApiError.failedPattern(path,
            s.pattern + ", but pattern is invalid: " + e.getMessage(), data));
      }
      if (!GoRegexp.matches(compiled, data)) {
        return OpenApiResult.of(OpenApiError.failedPattern(path, s.pattern, data));
      }
    }
    return null;
  }

  static boolean formatApplies(JsonSchemaProps s, Kind kind) {
    return kind == Kind.STRING && StringFormats.known(StringFormats.effective(s.format));
  }

  static OpenApiResult format(JsonSchemaProps s, String path, String data) {
    if (!StringFormats.validates(s.format, data)) {
      return OpenApiResult.of(OpenApiError.invalidType(path, s.format, data));
    }
    return null;
  }

  /**
   * Upstream {@code numberValidator}: an int64 value is compared with the constraint truncated to int64, a
   * float64 value with the constraint as is. Order: multipleOf, minimum, maximum.
   */
  static OpenApiResult number(JsonSchemaProps s, String path, JsonNode data) {
    boolean isInt = GoJson.kind(data) == Kind.INT;
    OpenApiResult res = new OpenApiResult();
    if (s.multipleOf != null) {
      OpenApiError e = isInt ? multipleOfInt(path, data.longValue(), (long) s.multipleOf.doubleValue())
          : multipleOfFloat(path, data.doubleValue(), s.multipleOf);
      if (e != null) {
        res.addError(e);
      }
    }
    if (s.minimum != null) {
      boolean fails = isInt ? compare(data.longValue(), (long) s.minimum.doubleValue(), s.exclusiveMinimum, false)
          : compare(data.doubleValue(), s.minimum, s.exclusiveMinimum, false);
      if (fails) {
        res.addError(OpenApiError.exceedsMinimum(path, isInt ? (Object) (long) s.minimum.doubleValue() : s.minimum,
            s.exclusiveMinimum, isInt ? (Object) data.longValue() : data.doubleValue()));
      }
    }
    if (s.maximum != null) {
      boolean fails = isInt ? compare(data.longValue(), (long) s.maximum.doubleValue(), s.exclusiveMaximum, true)
          : compare(data.doubleValue(), s.maximum, s.exclusiveMaximum, true);
      if (fails) {
        res.addError(OpenApiError.exceedsMaximum(path, isInt ? (Object) (long) s.maximum.doubleValue() : s.maximum,
            s.exclusiveMaximum, isInt ? (Object) data.longValue() : data.doubleValue()));
      }
    }
    res.inc();
    return res;
  }

  private static boolean compare(double value, double limit, boolean exclusive, boolean isMax) {
    if (isMax) {
      return exclusive ? value >= limit : value > limit;
    }
    return exclusive ? value <= limit : value < limit;
  }

  private static boolean compare(long value, long limit, boolean exclusive, boolean isMax) {
    if (isMax) {
      return exclusive ? value >= limit : value > limit;
    }
    return exclusive ? value <= limit : value < limit;
  }

  private static OpenApiError multipleOfInt(String path, long data, long factor) {
    if (factor <= 0) {
      return OpenApiError.multipleOfMustBePositive(path, factor);
    }
    long mult = data / factor;
    return mult * factor != data ? OpenApiError.notMultipleOf(path, factor, data) : null;
  }

  private static OpenApiError multipleOfFloat(String path, double data, double factor) {
    if (factor <= 0) {
      return OpenApiError.multipleOfMustBePositive(path, factor);
    }
    double mult = factor < 1 ? 1 / factor * data : data / factor;
    return isJsonInteger(mult) ? null : OpenApiError.notMultipleOf(path, factor, data);
  }

  /** Upstream {@code basicCommonValidator}: the value must equal an enum entry after Go type conversion. */
  static OpenApiResult enumeration(JsonSchemaProps s, String path, JsonNode data) {
    if (s.enumValues == null || s.enumValues.isEmpty()) {
      return null;
    }
    for (JsonNode candidate : s.enumValues) {
      if (convertedEqual(data, candidate)) {
        return null;
      }
    }
    return OpenApiResult.of(OpenApiError.enumFail(path, data, s.enumValues));
  }

  /**
   * {@code reflect.DeepEqual(ValueOf(data).Convert(TypeOf(enumValue)), enumValue)} where Go allows the
   * conversion: int64 and float64 convert into each other (float truncates), and an int64 converts to a
   * one-rune string. A nil enum entry or nil data never matches.
   */
  private static boolean convertedEqual(JsonNode data, JsonNode enumValue) {
    Kind target = GoJson.kind(enumValue);
    Kind kind = GoJson.kind(data);
    if (target == Kind.NULL || kind == Kind.NULL) {
      return false;
    }
    if (kind == target) {
      return GoJson.deepEqual(data, enumValue);
    }
    if (kind == Kind.INT && target == Kind.FLOAT) {
      return (double) data.longValue() == enumValue.doubleValue();
    }
    if (kind == Kind.FLOAT && target == Kind.INT) {
      return (long) data.doubleValue() == enumValue.longValue();
    }
    if (kind == Kind.INT && target == Kind.STRING) {
      long v = data.longValue();
      boolean validRune = v >= 0 && v <= Character.MAX_CODE_POINT && !(v >= 0xD800 && v <= 0xDFFF);
      String asString = validRune ? new String(Character.toChars((int) v)) : "\uFFFD";
      return asString.equals(enumValue.asText());
    }
    return false;
  }
}
