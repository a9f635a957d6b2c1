package dev.gatehouse.bench.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Sample request bodies bundled next to the benchmarks. */
final class Samples {
  private Samples() {}

  static byte[] bytes(String name) {
    try (InputStream in = Samples.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing sample " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
