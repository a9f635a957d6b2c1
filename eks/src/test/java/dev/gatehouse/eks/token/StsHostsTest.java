package dev.gatehouse.eks.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** token/sts-host-cases.yaml: upstream's TestSTSEndpoints and Gatehouse's own-endpoint deviation. */
class StsHostsTest {
  private static final List<String> OWN = List.of("http://127.0.0.1:6480", "https://gatehouse.example:8443/");

  record HostCase(String partition, List<String> regions, String scheme, String host, boolean accepted,
      String reason, String signingRegion, Boolean own, String upstream) {
    @Override
    public String toString() {
      return partition + " " + regions + " " + Objects.requireNonNullElse(scheme, "https") + "://" + host;
    }
  }

  static Stream<HostCase> cases() throws IOException {
    try (InputStream in = StsHostsTest.class.getResourceAsStream("/token/sts-host-cases.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<HostCase>>() {}).stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void checks(HostCase c) {
    StsHosts hosts = StsHosts.of(c.partition(), Objects.requireNonNullElse(c.regions(), List.of()), OWN);
    StsHosts.HostCheck check = hosts.check(Objects.requireNonNullElse(c.scheme(), "https"), c.host());
    if (!c.accepted()) {
      assertThat(check).isInstanceOf(StsHosts.Refused.class);
      if (c.reason() != null) {
        assertThat(((StsHosts.Refused) check).message()).contains(c.reason());
      }
      return;
    }
    if (Boolean.TRUE.equals(c.own())) {
      assertThat(check).isEqualTo(new StsHosts.OwnEndpoint());
      return;
    }
    assertThat(check).as("%s", check).isInstanceOf(StsHosts.AwsEndpoint.class);
    if (c.signingRegion() != null) {
      assertThat(check).isEqualTo(new StsHosts.AwsEndpoint(c.signingRegion()));
    }
  }

  @Test
  void refusesBadConfigurationAtConstruction() {
    assertThatThrownBy(() -> StsHosts.of("aws-not-a-partition", List.of(), List.of()))
        .hasMessageContaining("unknown partition \"aws-not-a-partition\"");
    assertThatThrownBy(() -> StsHosts.of("aws", List.of("us_east_1"), List.of()))
        .hasMessageContaining("invalid region identifier format provided: us_east_1");
    for (String endpoint : List.of("ftp://127.0.0.1:6480", "127.0.0.1:6480", "http://127.0.0.1:6480/sts",
        "http://127.0.0.1:6480/?x=1", "http://user@127.0.0.1:6480")) {
      assertThatThrownBy(() -> StsHosts.of("aws", List.of(), List.of(endpoint)))
          .as(endpoint).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
