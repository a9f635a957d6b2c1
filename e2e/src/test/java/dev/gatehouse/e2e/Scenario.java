package dev.gatehouse.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kubectl scenario read from {@code src/test/resources/scenarios/*.yaml}: files to write, then steps that run
 * kubectl and state the exit code and output they expect. See {@code scenarios/README.md} for the format.
 */
public record Scenario(String name, String description, List<String> contexts, Map<String, String> files,
    List<Step> steps) {

  /** One kubectl run (or a background run, or a wait on one) and what it must print. */
  public record Step(String kubectl, String stdin, String background, String expectBackground, int within, int retry,
      Integer exit, String stdout, List<String> stdoutContains, List<String> stdoutLacks, String stdoutMatches,
      String stderr, List<String> stderrContains) {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public static Scenario load(String name, InputStream in) throws IOException {
    JsonNode root = YAML.readTree(in);
    List<String> contexts = strings(root.path("contexts"));
    if (contexts.isEmpty()) {
      contexts = List.of("gatehouse", "dev");
    }
    Map<String, String> files = new LinkedHashMap<>();
    root.path("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
    List<Step> steps = new ArrayList<>();
    for (JsonNode s : root.path("steps")) {
      steps.add(new Step(text(s, "kubectl"), text(s, "stdin"), text(s, "background"), text(s, "expectBackground"),
          s.path("within").asInt(15), s.path("retry").asInt(0), s.has("exit") ? s.path("exit").asInt() : null, text(s, "stdout"),
          strings(s.path("stdoutContains")), strings(s.path("stdoutLacks")), text(s, "stdoutMatches"),
          text(s, "stderr"), strings(s.path("stderrContains"))));
    }
    return new Scenario(name, root.path("description").asText(""), contexts, files, List.copyOf(steps));
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.path(field).asText() : null;
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Splits a command line on spaces, honouring single and double quotes (no escapes needed in scenarios). */
  public static List<String> split(String commandLine) {
    List<String> args = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    boolean inArg = false;
    for (char c : commandLine.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          current.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inArg = true;
      } else if (Character.isWhitespace(c)) {
        if (inArg) {
          args.add(current.toString());
          current.setLength(0);
          inArg = false;
        }
      } else {
        current.append(c);
        inArg = true;
      }
    }
    if (inArg) {
      args.add(current.toString());
    }
    return args;
  }
}
