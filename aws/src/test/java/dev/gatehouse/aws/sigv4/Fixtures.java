package dev.gatehouse.aws.sigv4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test data under {@code src/test/resources/sigv4}: YAML tables, JSON contexts and raw HTTP request files. */
final class Fixtures {
  static final YAMLMapper YAML = new YAMLMapper();
  static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {
  }

  static String text(String resource) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("test resource missing: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> yamlList(String resource) {
    try {
      List<JsonNode> cases = new ArrayList<>();
      YAML.readTree(text(resource)).forEach(cases::add);
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String resource) {
    try {
      return JSON.readTree(text(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names of the sub-directories of a resource directory, sorted. */
  static List<String> directories(String resource) {
    URL url = Fixtures.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException("test resource missing: " + resource);
    }
    try (Stream<Path> entries = Files.list(Path.of(url.toURI()))) {
      return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code [[name, value], …]} as headers. */
  static Headers headers(JsonNode pairs) {
    Headers.Builder builder = Headers.builder();
    if (pairs != null) {
      pairs.forEach(pair -> builder.add(pair.get(0).asText(), pair.get(1).asText()));
    }
    return builder.build();
  }

  static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** ISO-8601 basic ({@code 20150830T123600Z}, optionally with {@code .SSS}) or extended ({@code 2015-08-30T12:36:00Z}). */
  static Instant time(String value) {
    if (value.contains("-")) {
      return Instant.parse(value);
    }
    String pattern = value.contains(".") ? "uuuuMMdd'T'HHmmss.SSS'Z'" : "uuuuMMdd'T'HHmmss'Z'";
    return LocalDateTime.parse(value, DateTimeFormatter.ofPattern(pattern)).toInstant(ZoneOffset.UTC);
  }

  /**
   * A request in the aws-c-auth suite's text format: request line, headers ({@code Name:value}; a line that
   * starts with whitespace continues the previous value, as obsolete HTTP line folding), a blank line, the body.
   * The request target may contain spaces (the suite writes paths unencoded).
   */
  static HttpRequestView httpText(String text) {
    String normalised = text.replace("\r\n", "\n");
    int blank = normalised.indexOf("\n\n");
    String head = blank < 0 ? normalised : normalised.substring(0, blank);
    String body = blank < 0 ? "" : normalised.substring(blank + 2);
    List<String> lines = new ArrayList<>(List.of(head.split("\n")));
    String requestLine = lines.remove(0);
    String method = requestLine.substring(0, requestLine.indexOf(' '));
    String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(' '));
    List<String[]> headers = new ArrayList<>();
    for (String line : lines) {
      if (line.isEmpty()) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0)) && !headers.isEmpty()) {
        String[] last = headers.get(headers.size() - 1);
        last[1] = last[1] + "\n" + line;
      } else {
        int colon = line.indexOf(':');
        headers.add(new String[] {line.substring(0, colon), line.substring(colon + 1)});
      }
    }
    Headers.Builder builder = Headers.builder();
    headers.forEach(h -> builder.add(h[0], h[1]));
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? null : target.substring(question + 1);
    return new HttpRequestView(method, path, query, builder.build(), body.getBytes(StandardCharsets.UTF_8));
  }
}
