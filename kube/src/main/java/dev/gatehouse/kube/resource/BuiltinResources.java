package dev.gatehouse.kube.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Loads the built-in resource table from {@code builtin-resources.yaml}. */
public final class BuiltinResources {
  private static final List<ResourceType> ALL = load();

  private BuiltinResources() {}

  public static List<ResourceType> all() {
    return ALL;
  }

  private static List<ResourceType> load() {
    try (InputStream in = BuiltinResources.class.getResourceAsStream("/dev/gatehouse/kube/builtin-resources.yaml")) {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      List<String> defaultVerbs = strings(root.path("defaults").path("verbs"));
      List<ResourceType> types = new ArrayList<>();
      for (JsonNode r : root.path("resources")) {
        List<ResourceType.Subresource> subs = new ArrayList<>();
        for (JsonNode s : r.path("subresources")) {
          subs.add(new ResourceType.Subresource(s.path("name").asText(),
              s.has("group") ? s.path("group").asText() : r.path("group").asText(),
              s.has("version") ? s.path("version").asText() : r.path("version").asText(),
              s.has("kind") ? s.path("kind").asText() : r.path("kind").asText(), strings(s.path("verbs"))));
        }
        types.add(new ResourceType(r.path("group").asText(), r.path("version").asText(), r.path("kind").asText(),
            r.path("plural").asText(), r.path("singular").asText(), r.path("namespaced").asBoolean(),
            strings(r.path("shortNames")), strings(r.path("categories")),
            r.has("verbs") ? strings(r.path("verbs")) : defaultVerbs, List.copyOf(subs),
            r.path("definition").asText(), null, !r.path("virtual").asBoolean(false)));
      }
      return List.copyOf(types);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
