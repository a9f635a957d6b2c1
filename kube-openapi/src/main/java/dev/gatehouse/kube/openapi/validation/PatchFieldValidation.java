package dev.gatehouse.kube.openapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of PATCH requests, which differ from create/update (apiserver {@code handlers/patch.go}): strict
 * errors there are a 422 Invalid on the field {@code patch}, carrying the patch as its bad value.
 *
 * <ul>
 *   <li>JSON merge patch and JSON patch: the bad value is the patched object's JSON, and the errors are the patch's
 *       own duplicate keys followed by the strict-decoding errors of the patched object.
 *   <li>Strategic merge patch: the bad value is the patch map printed with Go's {@code %+v}
 *       ({@code map[spec:map[foo:1]]}), and the patched object's unknown fields are sorted by message
 *       ({@code runtime.DefaultUnstructuredConverter.FromUnstructuredWithValidation}).
 * </ul>
 * Under Warn the same error texts become warnings, in the same order.
 */
public final class PatchFieldValidation {
  private PatchFieldValidation() {}

  /**
   * The 422 message for a JSON or merge patch under Strict: {@code  "" is invalid: patch: Invalid value:
   * "<patched json>": strict decoding error: unknown field "spec.foo"}.
   */
  public static String invalidMergePatchMessage(String patchedObjectJson, List<String> strictErrors) {
    return invalid(GoStrings.quote(patchedObjectJson), strictErrors);
  }

  /** The 422 message for a strategic merge patch under Strict, the patch rendered as a Go map. */
  public static String invalidStrategicMergePatchMessage(JsonNode patch, List<String> strictErrors) {
    return invalid(GoStrings.quote(goValue(patch)), strictErrors);
  }

  /**
   * The duplicate-key errors of a JSON patch body decoded into a map ({@code kjson.UnmarshalStrict(patch, &map)}),
   * e.g. {@code duplicate field "spec.replicas"}, in document order.
   *
   * @throws IllegalArgumentException if the patch is not well-formed JSON
   */
  public static List<String> patchDuplicates(byte[] patch) {
    try (com.fasterxml.jackson.core.JsonParser parser = DefinitionFieldValidator.JSON.createParser(patch)) {
      StrictDecoder.Outcome outcome = DefinitionFieldValidator.decode(parser, new GoType.GoAny());
      return outcome.strictErrors().stream().map(StrictError::message).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Strategic merge patch ordering: duplicates found in the patch first, then unknown fields sorted by message. */
  public static List<String> strategicMergePatchErrors(List<String> patchDuplicates, ValidationResult patched) {
    List<String> unknown = new ArrayList<>();
    patched.strictErrors().stream()
        .filter(e -> e.kind() == StrictError.Kind.UNKNOWN_FIELD)
        .forEach(e -> unknown.add("unknown field \"" + e.path() + "\""));
    unknown.sort(null);
    List<String> out = new ArrayList<>(patchDuplicates);
    out.addAll(unknown);
    return out;
  }

  private static String invalid(String quotedValue, List<String> strictErrors) {
    return " \"\" is invalid: patch: Invalid value: " + quotedValue + ": strict decoding error: "
        + String.join(", ", strictErrors);
  }

  /** Go's {@code %+v} of a decoded JSON value: maps with sorted keys, strings unquoted, nil as {@code <nil>}. */
  static String goValue(JsonNode value) {
    if (value == null || value.isNull()) {
      return "<nil>";
    }
    if (value.isObject()) {
      List<String> names = new ArrayList<>();
      value.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      List<String> entries = new ArrayList<>();
      names.forEach(name -> entries.add(name + ":" + goValue(value.get(name))));
      return "map[" + String.join(" ", entries) + "]";
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(goValue(item)));
      return "[" + String.join(" ", items) + "]";
    }
    if (value.isFloatingPointNumber()) {
      return goFloat(value.decimalValue());
    }
    return value.asText();
  }

  /** How %v prints a float64 (shortest 'g'): exponent form below 1e-4 and from 1e6, e.g. {@code 1.5e+06}. */
  private static String goFloat(BigDecimal decimal) {
    BigDecimal stripped = decimal.stripTrailingZeros();
    int exponent = stripped.precision() - stripped.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      String digits = stripped.unscaledValue().abs().toString();
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String sign = stripped.signum() < 0 ? "-" : "";
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
    return stripped.toPlainString();
  }
}
