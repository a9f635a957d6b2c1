package dev.gatehouse.kube.openapi.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gatehouse.kube.openapi.validation.GoType.GoAny;
import dev.gatehouse.kube.openapi.validation.GoType.GoIntOrString;
import dev.gatehouse.kube.openapi.validation.GoType.GoMap;
import dev.gatehouse.kube.openapi.validation.GoType.GoQuantity;
import dev.gatehouse.kube.openapi.validation.GoType.GoRaw;
import dev.gatehouse.kube.openapi.validation.GoType.GoScalar;
import dev.gatehouse.kube.openapi.validation.GoType.GoSlice;
import dev.gatehouse.kube.openapi.validation.GoType.GoTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Replays {@code sigs.k8s.io/json.UnmarshalStrict} (a fork of Go's {@code encoding/json} with case-sensitive keys,
 * {@code DisallowUnknownFields} and {@code DisallowDuplicateFields}) over a token stream and a {@link GoType}.
 *
 * <p>The behaviour it reproduces:
 * <ul>
 *   <li>Type mismatches are <em>saved</em>: the first one is kept, decoding continues, and at the end it replaces any
 *       strict errors. Its message carries the innermost struct and the dotted path of struct fields (map keys and
 *       list indexes are not part of it): {@code json: cannot unmarshal string into Go struct field
 *       DeploymentSpec.spec.replicas of type int32}.
 *   <li>Errors returned by custom unmarshalers (Quantity, IntOrString, Time) <em>abort</em> decoding and win over a
 *       saved error; "cannot unmarshal" ones get the same struct/field context.
 *   <li>Strict errors are collected in document order, deduplicated, at most 100. Nothing inside an unknown field or
 *       a raw-bytes type is examined.
 * </ul>
 */
final class StrictDecoder {
  private static final int MAX_STRICT_ERRORS = 100;

  private final JsonParser parser;
  /** sigs.k8s.io/json's strictFieldStack: segments such as "spec", ".", "containers", "[", "0", "]". */
  private final List<String> strictPath = new ArrayList<>();
  /** encoding/json's errorContext: the innermost struct and the struct field names leading to it. */
  private GoStruct contextStruct;
  private final List<String> fieldStack = new ArrayList<>();
  private String savedError;
  private final Set<StrictError> strictErrors = new LinkedHashSet<>();

  /** What decoding produced: strict errors, and the fatal error that would fail the request regardless. */
  record Outcome(List<StrictError> strictErrors, Optional<String> fatalError) {}

  /** Signals an error returned (not saved) by a custom unmarshaler. */
  private static final class Aborted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Aborted(String message) {
      super(message, null, false, false);
    }
  }

  private StrictDecoder(JsonParser parser) {
    this.parser = parser;
  }

  /** Decodes the single JSON value {@code parser} is positioned before (or on). */
  static Outcome decode(JsonParser parser, GoType root) {
    StrictDecoder decoder = new StrictDecoder(parser);
    try {
      if (parser.currentToken() == null) {
        parser.nextToken();
      }
      decoder.value(root);
    } catch (Aborted aborted) {
      return new Outcome(List.copyOf(decoder.strictErrors), Optional.of(aborted.getMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Outcome(List.copyOf(decoder.strictErrors), Optional.ofNullable(decoder.savedError));
  }

  /** Decodes the value at the current token into {@code type}; leaves the parser on the value's last token. */
  private void value(GoType type) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        object(type);
        break;
      case START_ARRAY:
        array(type);
        break;
      case VALUE_NULL:
        // null zeroes pointers, maps and slices and is ignored for everything else, custom types included.
        break;
      case VALUE_TRUE:
      case VALUE_FALSE:
        literal(type, "bool", null);
        break;
      case VALUE_STRING:
        literal(type, "string", parser.getText());
        break;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        literal(type, "number", parser.getText());
        break;
      default:
        throw new IllegalStateException("unexpected JSON token " + token);
    }
  }

  private void object(GoType type) throws IOException {
    if (type instanceof GoStruct struct) {
      structObject(struct);
    } else if (type instanceof GoMap map) {
      mapObject(map.element());
    } else if (type instanceof GoAny) {
      mapObject(type);
    } else {
      parser.skipChildren();
      composite(type, "object");
    }
  }

  private void array(GoType type) throws IOException {
    if (type instanceof GoSlice || type instanceof GoAny) {
      GoType element = type instanceof GoSlice slice ? slice.element() : type;
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        int mark = strictPath.size();
        strictPath.add("[" + index + "]");
        value(element);
        truncate(strictPath, mark);
        index++;
      }
    } else {
      parser.skipChildren();
      composite(type, "array");
    }
  }

  /** An object or array (already skipped) where {@code type} cannot take one. */
  private void composite(GoType type, String kind) {
    if (type instanceof GoRaw) {
      return;
    }
    if (type instanceof GoIntOrString) {
      throw new Aborted(withContext(kind, "int32"));
    }
    if (type instanceof GoQuantity) {
      throw new Aborted(QuantityParser.ERR_FORMAT_WRONG);
    }
    if (type instanceof GoTime) {
      throw new Aborted(withContext(kind, "string"));
    }
    mismatch(type, kind);
  }

  private void structObject(GoStruct struct) throws IOException {
    Set<String> seen = new HashSet<>();
    GoStruct outerStruct = contextStruct;
    int outerFields = fieldStack.size();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      Optional<GoType> field = struct.field(key);
      if (field.isEmpty()) {
        strictError(StrictError.Kind.UNKNOWN_FIELD, key);
        parser.skipChildren();
        continue;
      }
      if (!seen.add(key)) {
        strictError(StrictError.Kind.DUPLICATE_FIELD, key);
      }
      fieldStack.add(key);
      contextStruct = struct;
      int mark = pushKey(key);
      value(field.get());
      truncate(strictPath, mark);
      truncate(fieldStack, outerFields);
      contextStruct = outerStruct;
    }
  }

  private void mapObject(GoType element) throws IOException {
    Set<String> seen = new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      if (!seen.add(key)) {
        strictError(StrictError.Kind.DUPLICATE_FIELD, key);
      }
      int mark = pushKey(key);
      value(element);
      truncate(strictPath, mark);
    }
  }

  /**
   * A JSON scalar. {@code kind} is how Go names it in errors ("bool", "string", "number"); {@code text} is the
   * string value or the number's literal text.
   */
  private void literal(GoType type, String kind, String text) {
    if (type instanceof GoAny || type instanceof GoRaw) {
      return;
    }
    if (type instanceof GoIntOrString) {
      // Strings are kept as strings; anything else goes through json.Unmarshal into an int32.
      if (!kind.equals("string")) {
        intoInteger(kind, text, GoScalar.Kind.INT32, true);
      }
      return;
    }
    if (type instanceof GoQuantity) {
      String raw = kind.equals("bool") ? String.valueOf(parser.currentToken() == JsonToken.VALUE_TRUE) : text;
      QuantityParser.unmarshalError(raw).ifPresent(message -> {
        throw new Aborted(message);
      });
      return;
    }
    if (type instanceof GoTime time) {
      if (!kind.equals("string")) {
        throw new Aborted(withContext(kind, "string"));
      }
      GoTimeParser.parseError(time.layout(), text).ifPresent(message -> {
        throw new Aborted(message);
      });
      return;
    }
    if (!(type instanceof GoScalar scalar)) {
      mismatch(type, kind);
      return;
    }
    switch (scalar.kind()) {
      case STRING:
        if (!kind.equals("string")) {
          mismatch(type, kind);
        }
        break;
      case BOOL:
        if (!kind.equals("bool")) {
          mismatch(type, kind);
        }
        break;
      case BYTES:
        if (!kind.equals("string")) {
          mismatch(type, kind);
        } else {
          GoBase64.decodeError(text).ifPresent(this::save);
        }
        break;
      case INT32:
      case INT64:
        intoInteger(kind, text, scalar.kind(), false);
        break;
      case FLOAT64:
        if (!kind.equals("number")) {
          mismatch(type, kind);
        } else if (Double.isInfinite(Double.parseDouble(text))) {
          save(withContext("number " + text, "float64"));
        }
        break;
      default:
        throw new IllegalStateException(scalar.kind().name());
    }
  }

  /** Decoding into an int32/int64: only integer literals in range are accepted. */
  private void intoInteger(String kind, String text, GoScalar.Kind target, boolean abort) {
    String goType = target == GoScalar.Kind.INT32 ? "int32" : "int64";
    String problem = null;
    if (!kind.equals("number")) {
      problem = kind;
    } else if (!fitsInteger(text, target)) {
      problem = "number " + text;
    }
    if (problem == null) {
      return;
    }
    if (abort) {
      throw new Aborted(withContext(problem, goType));
    }
    save(withContext(problem, goType));
  }

  /** strconv.ParseInt(text, 10, 64) plus the target's overflow check; "1.0" and "1e3" fail, as in Go. */
  private static boolean fitsInteger(String text, GoScalar.Kind target) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-')) {
        return false;
      }
    }
    BigDecimal value = new BigDecimal(text);
    long min = target == GoScalar.Kind.INT32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
    long max = target == GoScalar.Kind.INT32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
    return value.compareTo(BigDecimal.valueOf(min)) >= 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0;
  }

  private void mismatch(GoType type, String valueKind) {
    save(withContext(valueKind, type.typeName()));
  }

  /** encoding/json's UnmarshalTypeError message with the current error context (addErrorContext). */
  private String withContext(String value, String goType) {
    if (contextStruct != null || !fieldStack.isEmpty()) {
      String structName = contextStruct != null ? contextStruct.name() : "";
      return "json: cannot unmarshal " + value + " into Go struct field " + structName + "."
          + String.join(".", fieldStack) + " of type " + goType;
    }
    return "json: cannot unmarshal " + value + " into Go value of type " + goType;
  }

  private void save(String message) {
    if (savedError == null) {
      savedError = message;
    }
  }

  private int pushKey(String key) {
    int mark = strictPath.size();
    if (!strictPath.isEmpty()) {
      strictPath.add(".");
    }
    strictPath.add(key);
    return mark;
  }

  private void strictError(StrictError.Kind kind, String field) {
    if (strictErrors.size() >= MAX_STRICT_ERRORS) {
      return;
    }
    String path = strictPath.isEmpty() ? field : String.join("", strictPath) + "." + field;
    strictErrors.add(new StrictError(kind, path));
  }

  private static void truncate(List<String> list, int size) {
    while (list.size() > size) {
      list.remove(list.size() - 1);
    }
  }
}
