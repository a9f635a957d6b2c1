package dev.gatehouse.aws.eks.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a request line against the served operations' URI templates. The raw path is split on {@code /}
 * before decoding, so an ARN label sent with {@code %2F} stays one segment (REST-JSON labels that are not
 * greedy never contain a raw slash); each label is then percent-decoded once.
 */
public final class EksRoutes {
  /** A matched operation with its decoded labels. */
  public record Match(EksOperationSpec spec, Map<String, String> labels) {}

  private record Compiled(EksOperationSpec spec, String[] segments) {}

  private final List<Compiled> routes = new ArrayList<>();

  public EksRoutes(List<EksOperationSpec> specs) {
    for (EksOperationSpec spec : specs) {
      routes.add(new Compiled(spec, split(spec.uri())));
    }
  }

  public Optional<Match> match(String method, String rawPath) {
    String[] segments = split(rawPath);
    for (Compiled route : routes) {
      if (!route.spec().method().equals(method) || route.segments().length != segments.length) {
        continue;
      }
      Map<String, String> labels = matchSegments(route.segments(), segments);
      if (labels != null) {
        return Optional.of(new Match(route.spec(), labels));
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> matchSegments(String[] template, String[] actual) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("}")) {
        if (actual[i].isEmpty()) {
          return null;
        }
        labels.put(t.substring(1, t.length() - 1), EksRequest.decode(actual[i], "request path"));
      } else if (!t.equals(actual[i])) {
        return null;
      }
    }
    return labels;
  }

  /** {@code /a/b} → [a, b]; a trailing slash leaves an empty last segment, which no template matches. */
  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.split("/", -1);
  }
}
