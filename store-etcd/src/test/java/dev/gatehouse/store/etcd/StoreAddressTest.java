package dev.gatehouse.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs {@code store-addresses.yaml}: how {@code etcd://...} addresses parse into options. */
class StoreAddressTest {
  record TlsSpec(String caFile, String certFile, String keyFile) {}

  record AddressCase(String address, List<String> endpoints, String keyPrefix, TlsSpec tls, Long timeoutMillis,
                     String error) {}

  @TestFactory
  Stream<DynamicTest> addresses() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    List<AddressCase> cases;
    try (InputStream in = getClass().getResourceAsStream("store-addresses.yaml")) {
      cases = yaml.readValue(in, new TypeReference<List<AddressCase>>() {});
    }
    assertThat(cases).isNotEmpty();
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.address(), () -> check(c)));
  }

  private static void check(AddressCase c) {
    if (c.error() != null) {
      assertThatThrownBy(() -> EtcdStoreOptions.parse(c.address()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(c.error());
      return;
    }
    EtcdStoreOptions options = EtcdStoreOptions.parse(c.address());
    if (c.endpoints() != null) {
      assertThat(options.endpoints()).extracting(URI::toString).containsExactlyElementsOf(c.endpoints());
    }
    if (c.keyPrefix() != null) {
      assertThat(options.keyPrefix()).isEqualTo(c.keyPrefix());
    }
    if (c.tls() == null) {
      assertThat(options.tls()).isNull();
    } else {
      assertThat(options.tls()).isEqualTo(new EtcdStoreOptions.Tls(path(c.tls().caFile()), path(c.tls().certFile()),
          path(c.tls().keyFile())));
    }
    if (c.timeoutMillis() != null) {
      assertThat(options.requestTimeout().toMillis()).isEqualTo(c.timeoutMillis());
    }
  }

  private static Path path(String p) {
    return p == null ? null : Path.of(p);
  }
}
