package dev.gatehouse.kube.openapi.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Field validation of a built-in kind: strict Go-struct decoding of the body. */
final class DefinitionFieldValidator implements FieldValidator {
  static final JsonFactory JSON = new JsonFactory();

  private final GoType root;

  private DefinitionFieldValidator(GoType root) {
    this.root = root;
  }

  static DefinitionFieldValidator of(GoTypeModel model, String definitionName) {
    GoType root = model.definition(definitionName).orElseThrow(
        () -> new IllegalArgumentException("openapi: no definition " + definitionName));
    return new DefinitionFieldValidator(root);
  }

  @Override
  public ValidationResult validate(JsonNode object) {
    return toResult(decode(object.traverse(), root));
  }

  @Override
  public ValidationResult validate(byte[] json) {
    try (JsonParser parser = JSON.createParser(json)) {
      return toResult(decode(parser, root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the decoder, turning malformed JSON into an IllegalArgumentException. */
  static StrictDecoder.Outcome decode(JsonParser parser, GoType type) {
    try {
      return StrictDecoder.decode(parser, type);
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException("openapi: request body is not valid JSON: " + e.getCause().getMessage(), e);
    }
  }

  private static ValidationResult toResult(StrictDecoder.Outcome outcome) {
    // As in encoding/json, a decoding error replaces the strict errors; keep them visible all the same.
    return new ValidationResult(outcome.strictErrors(), outcome.fatalError().map(List::of).orElse(List.of()));
  }
}
