package dev.gatehouse.kube.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** URL and method → RBAC verb and resource coordinates, from {@code request-info-cases.yaml}. */
class RequestInfoParserTest {
  @TestFactory
  Stream<DynamicTest> cases() throws Exception {
    JsonNode cases;
    try (InputStream in = getClass().getResourceAsStream("request-info-cases.yaml")) {
      cases = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases) {
      String label = c.path("method").asText() + " " + c.path("path").asText()
          + (c.has("watch") ? " watch=" + c.path("watch").asText() : "");
      tests.add(DynamicTest.dynamicTest(label, () -> {
        RequestInfo info = RequestInfoParser.parse("", c.path("method").asText(), c.path("path").asText(),
            c.path("watch").asText(null), c.path("fieldSelectorName").asText(null));
        assertThat(info.resourceRequest()).isEqualTo(c.path("resourceRequest").asBoolean(true));
        assertThat(info.verb()).isEqualTo(c.path("verb").asText());
        if (info.resourceRequest()) {
          assertThat(info.apiGroup()).isEqualTo(c.path("group").asText(""));
          assertThat(info.namespace()).isEqualTo(c.path("namespace").asText(""));
          assertThat(info.resource()).isEqualTo(c.path("resource").asText(""));
          assertThat(info.name()).isEqualTo(c.path("name").asText(""));
          assertThat(info.subresource()).isEqualTo(c.path("subresource").asText(""));
        }
      }));
    }
    return tests.stream();
  }
}
