package dev.gatehouse.aws.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** {@code protocol/render-cases.yaml} against the golden files; XML must parse, JSON must parse. */
class QueryResponsesGoldenTest {
  static Stream<Arguments> cases() {
    return Fixtures.yamlList("protocol/render-cases.yaml").stream()
        .map(spec -> Arguments.of(spec.get("name").asText(), new RenderCase(spec)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void xmlMatchesGoldenAndIsWellFormed(String name, RenderCase c) throws Exception {
    byte[] xml = c.xml();
    Golden.assertMatches(name + ".xml", xml);

    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(c.namespace());
    assertThat(document.getDocumentElement().getLocalName())
        .isEqualTo(c.isError() ? "ErrorResponse" : c.operation() + "Response");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void jsonMatchesGoldenAndParses(String name, RenderCase c) {
    byte[] json = c.json();
    Golden.assertMatches(name + ".json", json);
    assertThatCode(() -> new ObjectMapper().readTree(json)).doesNotThrowAnyException();
  }
}
