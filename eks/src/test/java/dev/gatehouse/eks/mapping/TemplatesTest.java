package dev.gatehouse.eks.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.eks.token.AwsIdentity;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplatesTest {
  private static final String RESOURCE = "/mapping/templates.yaml";

  static Stream<Arguments> cases() {
    return Fixtures.cases(RESOURCE, "template", "identity", "rendered", "failure");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersAsUpstream(String name, JsonNode c) {
    AwsIdentity id = Fixtures.identity(c.has("identity") ? c.get("identity") : Fixtures.load(RESOURCE).get("identity"));
    Templates.Rendered expected = c.has("failure") ? new Templates.Rendered.Failed(c.get("failure").asText())
        : new Templates.Rendered.Value(c.get("rendered").asText());
    assertThat(Templates.render(c.get("template").asText(), id)).isEqualTo(expected);
  }

  @Test
  void aFailingGroupTemplateFailsTheMappingWithUpstreamsWording() {
    AwsIdentity user = new AwsIdentity("arn:aws:iam::1:user/u", "arn:aws:iam::1:user/u", "1", "AIDA", "AIDA", null, "AK");
    assertThat(Templates.renderMapping("u", List.of("ok", "{{EC2PrivateDNSName}}"), user))
        .isEqualTo(new Templates.RenderedMapping.Failed(
            "error rendering group template \"{{EC2PrivateDNSName}}\": SessionName did not contain an instance id"));
    assertThat(Templates.renderMapping("{{AccountID}}", List.of("g-{{AccountID}}"), user))
        .isEqualTo(new Templates.RenderedMapping.Done("1", List.of("g-1")));
  }
}
