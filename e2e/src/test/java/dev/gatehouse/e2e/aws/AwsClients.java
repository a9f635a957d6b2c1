package dev.gatehouse.e2e.aws;

import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Presence of the real AWS clients these tests drive. A missing client skips the test on a developer machine
 * but fails it when {@code GATEHOUSE_REQUIRE_AWS_CLI=1} or {@code CI=true}: end-to-end proof against the real
 * clients must not silently disappear from CI (the same rule as {@code GATEHOUSE_REQUIRE_KUBECTL}).
 */
final class AwsClients {
  private AwsClients() {}

  /** The aws CLI (v1, botocore). */
  static void requireAwsCli() {
    require(Subprocess.succeeds(List.of("aws", "--version")), "the aws CLI");
  }

  /** python3 with boto3 importable. */
  static void requireBoto3() {
    require(Subprocess.succeeds(List.of("python3", "-c", "import boto3")), "python3 with boto3");
  }

  private static void require(boolean present, String what) {
    if (!present && required()) {
      throw new AssertionError(what + " is required (GATEHOUSE_REQUIRE_AWS_CLI=1 or CI=true) but is not installed;"
          + " install it with: pip install awscli boto3");
    }
    Assumptions.assumeTrue(present, what + " is not installed");
  }

  private static boolean required() {
    return "1".equals(System.getenv("GATEHOUSE_REQUIRE_AWS_CLI")) || "true".equals(System.getenv("CI"));
  }
}
