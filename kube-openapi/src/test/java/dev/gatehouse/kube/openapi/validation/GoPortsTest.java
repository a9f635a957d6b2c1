package dev.gatehouse.kube.openapi.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.openapi.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: validation/go-ports.yaml (base64, time.Parse, resource.ParseQuantity). */
class GoPortsTest {
  private static final JsonNode TABLES = TestData.tree("/dev/gatehouse/kube/openapi/validation/go-ports.yaml");

  record Base64Case(String input, int offset) {}

  record TimeCase(String layout, String value, String error) {}

  record QuantityCase(String input, String error) {}

  static Stream<Arguments> base64() {
    return rows("base64", Base64Case.class, c -> "base64 " + TestData.JSON.valueToTree(c.input()));
  }

  static Stream<Arguments> time() {
    return rows("time", TimeCase.class, c -> c.layout() + " " + c.value());
  }

  static Stream<Arguments> quantity() {
    return rows("quantity", QuantityCase.class, c -> "quantity '" + c.input() + "'");
  }

  private static <T> Stream<Arguments> rows(String table, Class<T> type, java.util.function.Function<T, String> name) {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode row : TABLES.get(table)) {
      T value = TestData.read(row, type);
      out.add(Arguments.of(Named.of(name.apply(value), value)));
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("base64")
  void base64Corruption(Base64Case c) {
    Optional<String> expected = c.offset() < 0
        ? Optional.empty()
        : Optional.of("illegal base64 data at input byte " + c.offset());
    assertThat(GoBase64.decodeError(c.input())).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("time")
  void timeParsing(TimeCase c) {
    String layout = c.layout().equals("RFC3339") ? GoTimeParser.RFC3339 : GoTimeParser.RFC3339_MICRO;
    assertThat(GoTimeParser.parseError(layout, c.value())).isEqualTo(Optional.ofNullable(c.error()));
  }

  @ParameterizedTest
  @MethodSource("quantity")
  void quantityParsing(QuantityCase c) {
    Optional<String> expected = c.error() == null
        ? Optional.empty()
        : Optional.of(c.error().equals("format") ? QuantityParser.ERR_FORMAT_WRONG : QuantityParser.ERR_SUFFIX);
    assertThat(QuantityParser.parseError(c.input())).isEqualTo(expected);
  }
}
