package dev.gatehouse.eks.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdentityMapperTest {
  private static final String RESOURCE = "/mapping/identity-mapping.yaml";
  private static final String CLUSTER = "c1";

  static Stream<Arguments> cases() {
    return Fixtures.cases(RESOURCE, "identity", "cluster", "entries", "awsAuth", "reservedPrefixes", "mapped",
        "unmapped");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void mapsAsEks(String name, JsonNode c) {
    JsonNode identity = Fixtures.load(RESOURCE).path("identities").path(c.path("identity").asText());
    assertThat(identity.isMissingNode()).as("identity %s defined", c.path("identity")).isFalse();
    AwsAuthConfig awsAuth = awsAuth(c.path("awsAuth"));
    IdentityMapper mapper = new IdentityMapper(Fixtures.directory(CLUSTER, c.get("cluster"), c.get("entries")),
        cluster -> cluster.equals(CLUSTER) ? awsAuth : AwsAuthConfig.EMPTY,
        Fixtures.strings(c.path("reservedPrefixes")));

    MappingResult result = mapper.map(CLUSTER, Fixtures.identity(identity));

    if (c.has("unmapped")) {
      assertThat(result).isEqualTo(new MappingResult.Unmapped(c.get("unmapped").asText()));
    } else {
      JsonNode m = c.get("mapped");
      Fixtures.requireOnly(m, Set.of("username", "groups", "source"));
      assertThat(result).isEqualTo(new MappingResult.Mapped(m.get("username").asText(),
          Fixtures.strings(m.path("groups")), m.get("source").asText()));
    }
  }

  private static AwsAuthConfig awsAuth(JsonNode data) {
    if (data.isMissingNode()) {
      return AwsAuthConfig.EMPTY;
    }
    ParseResult parsed = AwsAuthConfig.parse(Fixtures.stringMap(data));
    assertThat(parsed).as("the case's aws-auth").isInstanceOf(ParseResult.Parsed.class);
    assertThat(((ParseResult.Parsed) parsed).warnings()).as("the case's aws-auth").isEmpty();
    return ((ParseResult.Parsed) parsed).config();
  }
}
