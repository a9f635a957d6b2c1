package dev.gatehouse.bench.load.aws;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/** The measured AWS calls. Each names the service it is signed for and builds its form body per request. */
enum AwsScenario {
  /** STS GetCallerIdentity: SigV4 verification and key lookup; no policy decision in AWS, Gatehouse or moto. */
  GET_CALLER_IDENTITY("get-caller-identity", "sts", "<Arn>", ">= 10000/s", 10_000),
  /** STS AssumeRole: SigV4, identity policy + trust policy evaluation, session credentials minted. */
  ASSUME_ROLE("assume-role", "sts", "<SessionToken>", ">= 3000/s", 3_000),
  /** IAM ListUsers: SigV4, policy evaluation, a read of the user list (the setup creates a few users). */
  LIST_USERS("list-users", "iam", "<Users>", "(none)", 0);

  static final String STS_VERSION = "2011-06-15";
  static final String IAM_VERSION = "2010-05-08";

  private final String label;
  private final String service;
  private final byte[] expected;
  private final String target;
  private final double targetPerSecond;

  AwsScenario(String label, String service, String expected, String target, double targetPerSecond) {
    this.label = label;
    this.service = service;
    this.expected = expected.getBytes(StandardCharsets.US_ASCII);
    this.target = target;
    this.targetPerSecond = targetPerSecond;
  }

  String label() {
    return label;
  }

  String service() {
    return service;
  }

  /**
   * Whether a 200 answer is the one asked for: its body must contain the scenario's telltale element, so that a
   * server answering something else quickly is not counted as fast.
   */
  boolean answered(QueryConnection.Response response) {
    return response.ok() && response.contains(expected);
  }

  /** The target, as text. */
  String target() {
    return target;
  }

  /** "MET"/"MISSED" for Gatehouse, empty where the issue sets no target or for other servers. */
  String verdict(String targetName, double perSecond) {
    if (targetPerSecond == 0 || !targetName.equals(AwsLoadOptions.GATEHOUSE)) {
      return "";
    }
    return perSecond >= targetPerSecond ? "MET" : "MISSED";
  }

  /** The form body of request number {@code sequence} against {@code target}. */
  LongFunction<String> form(AwsTarget target) {
    return switch (this) {
      case GET_CALLER_IDENTITY -> seq -> "Action=GetCallerIdentity&Version=" + STS_VERSION;
      case ASSUME_ROLE -> {
        if (target.roleArn() == null) {
          throw new IllegalStateException(target.name() + ": no role was set up for assume-role");
        }
        String prefix = "Action=AssumeRole&Version=" + STS_VERSION + "&RoleArn=" + encode(target.roleArn())
            + "&RoleSessionName=bench-";
        yield seq -> prefix + seq;
      }
      case LIST_USERS -> seq -> "Action=ListUsers&Version=" + IAM_VERSION;
    };
  }

  static AwsScenario parse(String name) {
    for (AwsScenario s : values()) {
      if (s.label.equals(name.trim().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown scenario " + name + " (one of "
        + List.of(values()).stream().map(AwsScenario::label).toList() + ")");
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
