package dev.gatehouse.e2e.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Text files under {@code src/test/resources/aws/}: policy documents and the boto3 script. */
final class AwsResources {
  private AwsResources() {}

  static String text(String name) throws IOException {
    try (InputStream in = AwsResources.class.getResourceAsStream("/aws/" + name)) {
      assertThat(in).as("resource /aws/" + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
