package dev.gatehouse.aws.eks.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One EKS request decoded: the URI labels (each percent-decoded once, so a {@code principalArn} sent as
 * {@code arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fa%2Fb} reads {@code arn:aws:iam::1:role/a/b}), the query parameters
 * and the JSON body. Decoding failures are {@code BadRequestException}s with the exact fault.
 */
public final class EksRequest {
  private final Map<String, String> labels;
  private final Map<String, List<String>> query;
  private final EksFields body;

  EksRequest(Map<String, String> labels, Map<String, List<String>> query, EksFields body) {
    this.labels = Map.copyOf(labels);
    this.query = query;
    this.body = body;
  }

  /** Decodes the query and body of {@code request}; {@code labels} are already decoded by the route. */
  static EksRequest parse(HttpRequestView request, Map<String, String> labels) {
    return new EksRequest(labels, parseQuery(request.rawQuery()), parseBody(request.body()));
  }

  public String label(String name) {
    String v = labels.get(name);
    if (v == null) {
      throw new IllegalStateException("eks: route has no label " + name);
    }
    return v;
  }

  public Optional<String> query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public List<String> queryAll(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** An integer query parameter with the model's range, absent → {@code defaultValue}. */
  public int queryInt(String name, int defaultValue, int min, int max) {
    Optional<String> raw = query(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    int value;
    try {
      value = Integer.parseInt(raw.get());
    } catch (NumberFormatException e) {
      throw EksError.of("BadRequestException", "Query parameter '" + name + "' must be an integer, got '"
          + raw.get() + "'.").exception();
    }
    if (value < min || value > max) {
      throw invalid("Value '" + value + "' at '" + name + "' failed to satisfy constraint: Member must have value "
          + (value < min ? "greater than or equal to " + min : "less than or equal to " + max));
    }
    return value;
  }

  public EksFields body() {
    return body;
  }

  /** A required member that is absent (Coral's wording; unverified for EKS, whose SDKs check this first). */
  static EksException missing(String member) {
    return invalid("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
  }

  /** {@code InvalidParameterException: 1 validation error detected: …} (Coral's wording, unverified for EKS). */
  public static EksException invalid(String violation) {
    return EksError.of("InvalidParameterException", "1 validation error detected: " + violation).exception();
  }

  private static EksFields parseBody(byte[] bytes) {
    if (bytes.length == 0) {
      return EksFields.empty();
    }
    JsonNode tree;
    try {
      tree = EksJson.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw EksError.of("BadRequestException", "The request body is not valid JSON" + where + ": "
          + e.getOriginalMessage()).exception();
    } catch (IOException e) {
      throw EksError.of("BadRequestException", "The request body could not be read: " + e.getMessage()).exception();
    }
    if (tree == null || tree.isMissingNode()) {
      return EksFields.empty();
    }
    if (!tree.isObject()) {
      throw EksError.of("BadRequestException", "The request body must be a JSON object.").exception();
    }
    return new EksFields((ObjectNode) tree, "");
  }

  private static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), "query string");
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "query string");
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  /** Percent-decodes once as UTF-8; {@code +} stays a plus (the SDKs send {@code %20} for spaces). */
  static String decode(String s, String where) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] raw = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] != '%') {
        out.write(raw[i]);
        continue;
      }
      int hi = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
      int lo = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
      if (hi < 0 || lo < 0) {
        throw EksError.of("BadRequestException", "Malformed percent-encoding in the " + where + ": '" + s + "'.")
            .exception();
      }
      out.write(hi << 4 | lo);
      i += 2;
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
