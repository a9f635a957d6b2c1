package dev.gatehouse.kube.impersonation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatehouse.kube.api.StatusException;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.authz.Decision;
import dev.gatehouse.kube.request.RequestInfo;
import dev.gatehouse.kube.server.ApiRequest;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Impersonation cases from {@code impersonation-cases.yaml}, against a recording authorizer (a fake). */
class ImpersonationTest {
  private static final UserInfo REQUESTER = new UserInfo("admin", "", List.of("ops"), Map.of());

  @TestFactory
  Stream<DynamicTest> cases() throws Exception {
    JsonNode cases;
    try (InputStream in = getClass().getResourceAsStream("impersonation-cases.yaml")) {
      cases = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases) {
      tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> run(c)));
    }
    return tests.stream();
  }

  private static void run(JsonNode c) {
    List<String> deny = strings(c.path("deny"));
    List<String> checked = new ArrayList<>();
    Impersonation impersonation = new Impersonation((user, info) -> {
      checked.add(describe(info));
      return deny.contains(info.resource()) ? Decision.noOpinion("") : Decision.allow("test");
    });
    Map<String, List<String>> headers = new LinkedHashMap<>();
    c.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT),
        strings(e.getValue())));
    ApiRequest request = new ApiRequest("GET", "", "", "/api", Map.of(), headers, new byte[0], List.of(), "/api",
        "127.0.0.1", java.time.Instant.EPOCH);
    if (c.has("error")) {
      assertThatThrownBy(() -> impersonation.apply(request, "", REQUESTER))
          .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.getMessage()).isEqualTo(c.path("error").asText()));
    } else {
      UserInfo user = impersonation.apply(request, "", REQUESTER);
      assertThat(user.name()).isEqualTo(c.path("user").asText());
      assertThat(user.groups()).containsExactlyElementsOf(strings(c.path("groups")));
      assertThat(user.uid()).isEqualTo(c.path("uid").asText(""));
      Map<String, List<String>> extra = new LinkedHashMap<>();
      c.path("extra").fields().forEachRemaining(e -> extra.put(e.getKey(), strings(e.getValue())));
      assertThat(user.extra()).isEqualTo(extra);
    }
    if (c.has("checks")) {
      assertThat(checked).containsExactlyElementsOf(strings(c.path("checks")));
    }
  }

  private static String describe(RequestInfo info) {
    String resource = info.subresource().isEmpty() ? info.resource() : info.resource() + "/" + info.subresource();
    String name = info.namespace().isEmpty() ? info.name() : info.namespace() + "/" + info.name();
    return info.verb() + " " + info.apiGroup() + "/" + resource + " " + name;
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }
}
