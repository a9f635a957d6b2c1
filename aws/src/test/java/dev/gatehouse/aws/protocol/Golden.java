package dev.gatehouse.aws.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/protocol/golden}. Run the tests with
 * {@code -Dgatehouse.regenerate=true} to rewrite them from the current output, then review the diff.
 */
final class Golden {
  private static final Path SOURCE_DIR = Path.of("src/test/resources/protocol/golden");

  private Golden() {
  }

  static void assertMatches(String file, byte[] actual) {
    String text = new String(actual, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("gatehouse.regenerate")) {
      try {
        Files.createDirectories(SOURCE_DIR);
        Files.writeString(SOURCE_DIR.resolve(file), text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    String resource = "protocol/golden/" + file;
    assertThat(Fixtures.exists(resource))
        .as("golden file %s is missing; run with -Dgatehouse.regenerate=true to create it", resource).isTrue();
    assertThat(text)
        .as("golden file %s differs; rerun with -Dgatehouse.regenerate=true to rewrite it, then review the diff",
            resource)
        .isEqualTo(new String(Fixtures.bytes(resource), StandardCharsets.UTF_8));
  }
}
