package dev.gatehouse.iam.policy.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.gatehouse.iam.policy.json.JsonValue.JsonArray;
import dev.gatehouse.iam.policy.json.JsonValue.JsonBool;
import dev.gatehouse.iam.policy.json.JsonValue.JsonNull;
import dev.gatehouse.iam.policy.json.JsonValue.JsonNumber;
import dev.gatehouse.iam.policy.json.JsonValue.JsonObject;
import dev.gatehouse.iam.policy.json.JsonValue.JsonString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads strict JSON (no comments, no trailing content, no duplicate member names) into {@link JsonValue}s with the
 * source positions of objects. Jackson's tree model drops locations, so this walks the streaming parser itself.
 */
public final class PositionedJsonReader {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private PositionedJsonReader() {}

  /** The document's value, or empty when the text is not exactly one JSON value. */
  public static Optional<JsonValue> read(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Optional.empty();
      }
      JsonValue value = readValue(parser, first);
      if (parser.nextToken() != null) {
        return Optional.empty();
      }
      return Optional.of(value);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static JsonValue readValue(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        return readObject(parser);
      case START_ARRAY:
        List<JsonValue> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          items.add(readValue(parser, t));
        }
        return new JsonArray(Collections.unmodifiableList(items));
      case VALUE_STRING:
        return new JsonString(parser.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new JsonNumber(parser.getText());
      case VALUE_TRUE:
        return new JsonBool(true);
      case VALUE_FALSE:
        return new JsonBool(false);
      case VALUE_NULL:
        return JsonNull.INSTANCE;
      default:
        throw new IOException("unexpected token " + token);
    }
  }

  private static JsonObject readObject(JsonParser parser) throws IOException {
    JsonLocation start = parser.currentTokenLocation();
    Map<String, JsonValue> members = new LinkedHashMap<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      String name = parser.currentName();
      members.put(name, readValue(parser, parser.nextToken()));
    }
    JsonLocation end = parser.currentTokenLocation();
    return new JsonObject(Collections.unmodifiableMap(members), start.getLineNr(), start.getColumnNr(),
        end.getLineNr(), end.getColumnNr() + 1);
  }
}
