package dev.gatehouse.coordination.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ElectionOptionsTest {
  record Defaults(long ttlMs, long renewIntervalMs, long renewDeadlineMs, long retryMaxMs, long leaseSeconds) {}

  record Validation(String name, long ttlMs, long renewIntervalMs, long renewDeadlineMs, long retryMinMs,
                    long retryMaxMs, String error) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Cases(List<Defaults> defaults, List<Validation> validation) {}

  static Cases cases() throws IOException {
    try (InputStream in = ElectionOptionsTest.class.getResourceAsStream("options.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readValue(in, Cases.class);
    }
  }

  static Stream<Defaults> defaults() throws IOException {
    return cases().defaults().stream();
  }

  static Stream<Validation> validation() throws IOException {
    return cases().validation().stream();
  }

  @ParameterizedTest
  @MethodSource("defaults")
  void defaultsRenewAtAThirdAndStepDownAtTwoThirdsOfTheTtl(Defaults c) {
    ElectionOptions options = ElectionOptions.forTtl(Duration.ofMillis(c.ttlMs()));

    assertThat(options.renewInterval().toMillis()).isEqualTo(c.renewIntervalMs());
    assertThat(options.renewDeadline().toMillis()).isEqualTo(c.renewDeadlineMs());
    assertThat(options.retryMax().toMillis()).isEqualTo(c.retryMaxMs());
    assertThat(options.leaseSeconds()).isEqualTo(c.leaseSeconds());
  }

  @ParameterizedTest
  @MethodSource("validation")
  void inconsistentTimingsAreRefused(Validation c) {
    if (c.error() == null) {
      assertThat(options(c).ttl().toMillis()).isEqualTo(c.ttlMs());
    } else {
      assertThatThrownBy(() -> options(c)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(c.error());
    }
  }

  private static ElectionOptions options(Validation c) {
    return new ElectionOptions(Duration.ofMillis(c.ttlMs()), Duration.ofMillis(c.renewIntervalMs()),
        Duration.ofMillis(c.renewDeadlineMs()), Duration.ofMillis(c.retryMinMs()), Duration.ofMillis(c.retryMaxMs()),
        System::nanoTime);
  }
}
