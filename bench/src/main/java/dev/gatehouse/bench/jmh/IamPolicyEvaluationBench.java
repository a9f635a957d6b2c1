package dev.gatehouse.bench.jmh;

import dev.gatehouse.iam.policy.Decision;
import dev.gatehouse.iam.policy.EvaluationRequest;
import dev.gatehouse.iam.policy.EvaluationResult;
import dev.gatehouse.iam.policy.Evaluator;
import dev.gatehouse.iam.policy.Policies;
import dev.gatehouse.iam.policy.PolicyKind;
import dev.gatehouse.iam.policy.PolicySource;
import dev.gatehouse.iam.policy.RequestContext;
import dev.gatehouse.iam.policy.RequestPrincipal;
import dev.gatehouse.iam.policy.SourceType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * IAM policy evaluation for a role session with 10 attached policies of 10 statements each: actions of a dozen
 * services with prefix/suffix wildcards and exact names, ARN resources with wildcards, and conditions on about a
 * fifth of the statements (principal tag, source IP, MFA, region). Each invocation evaluates the next of 64
 * requests (a mix of allowed, explicitly denied and implicitly denied ones, over many services), so the figure is
 * evaluations per second on one thread.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar -f 1 -wi 2 -i 3 -t 1 IamPolicyEvaluationBench
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IamPolicyEvaluationBench {
  static final String ACCOUNT = "111122223333";
  static final String[] SERVICES = {"s3", "ec2", "eks", "iam", "sts", "dynamodb", "sqs", "sns", "logs",
      "cloudwatch", "kms", "lambda"};
  static final String[] VERBS = {"Get", "List", "Describe", "Put", "Create", "Delete", "Update", "Tag"};
  static final String[] NOUNS = {"Object", "Cluster", "Instances", "Role", "Table", "Queue", "Topic", "Key",
      "Function", "LogGroup", "Bucket", "Item"};

  private List<EvaluationRequest> requests;
  private int next;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    List<PolicySource> policies = new ArrayList<>();
    for (int p = 0; p < 10; p++) {
      policies.add(new PolicySource("policy-" + p, p < 3 ? SourceType.ROLE : SourceType.USER_MANAGED,
          Policies.parseValid(policy(p, random), PolicyKind.IDENTITY)));
    }
    RequestPrincipal principal = RequestPrincipal.forRoleSession(
        "arn:aws:sts::" + ACCOUNT + ":assumed-role/deployer/build-42",
        "arn:aws:iam::" + ACCOUNT + ":role/ci/deployer", ACCOUNT);
    RequestContext context = RequestContext.builder()
        .put("aws:PrincipalTag/team", "platform")
        .put("aws:SourceIp", "10.20.30.40")
        .put("aws:RequestedRegion", "eu-west-1")
        .put("aws:PrincipalArn", "arn:aws:iam::" + ACCOUNT + ":role/ci/deployer")
        .putBoolean("aws:SecureTransport", true)
        .put("aws:CurrentTime", "2025-05-01T12:00:00Z")
        .build();
    requests = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      String service = SERVICES[random.nextInt(SERVICES.length)];
      String action = service + ":" + VERBS[random.nextInt(VERBS.length)] + NOUNS[random.nextInt(NOUNS.length)];
      String resource = arn(service, "eu-west-1", ACCOUNT, random.nextInt(10)) + "/item-" + random.nextInt(100);
      requests.add(EvaluationRequest.builder(principal, action, resource)
          .resourceAccount(ACCOUNT).context(context).identityPolicies(policies).build());
    }
    Map<Decision, Integer> decisions = new EnumMap<>(Decision.class);
    for (EvaluationRequest r : requests) {
      decisions.merge(Evaluator.evaluate(r).decision(), 1, Integer::sum);
    }
    if (decisions.size() < 3) {
      throw new IllegalStateException("requests should end in all three decisions, got " + decisions);
    }
  }

  /** One policy: 10 statements, one in ten a Deny, about one in five with a condition. */
  private static String policy(int p, Random random) {
    StringBuilder b = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
    for (int s = 0; s < 10; s++) {
      if (s > 0) {
        b.append(',');
      }
      String service = SERVICES[random.nextInt(SERVICES.length)];
      String effect = random.nextInt(10) == 0 ? "Deny" : "Allow";
      b.append("{\"Sid\":\"P").append(p).append('S').append(s).append("\",\"Effect\":\"").append(effect)
          .append("\",\"Action\":[");
      int actions = 2 + random.nextInt(3);
      for (int a = 0; a < actions; a++) {
        if (a > 0) {
          b.append(',');
        }
        String verb = VERBS[random.nextInt(VERBS.length)];
        String noun = NOUNS[random.nextInt(NOUNS.length)];
        String pattern = switch (random.nextInt(4)) {
          case 0 -> verb + "*";
          case 1 -> "*" + noun;
          case 2 -> verb + noun;
          default -> verb + "?" + noun.substring(1);
        };
        b.append('"').append(a == 0 ? service : SERVICES[random.nextInt(SERVICES.length)]).append(':')
            .append(pattern).append('"');
      }
      b.append("],\"Resource\":[\"").append(arn(service, "*", ACCOUNT, random.nextInt(10))).append("/*\",\"")
          .append(arn(service, "eu-west-1", "*", random.nextInt(10))).append("/item-?\"]");
      switch (random.nextInt(10)) {
        case 0 -> b.append(",\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":[\"platform\",\"sre\"]}}");
        case 1 -> b.append(",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"192.168.0.0/16\"]}}");
        case 2 -> b.append(",\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"true\"},"
            + "\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}");
        default -> { }
      }
      b.append('}');
    }
    return b.append("]}").toString();
  }

  /** An ARN in the shape the service uses: S3 without region and account, IAM without region, under role/. */
  private static String arn(String service, String region, String account, int thing) {
    return switch (service) {
      case "s3" -> "arn:aws:s3:::thing-" + thing;
      case "iam" -> "arn:aws:iam::" + account + ":role/thing-" + thing;
      default -> "arn:aws:" + service + ":" + region + ":" + account + ":thing-" + thing;
    };
  }

  @Benchmark
  public EvaluationResult evaluate() {
    EvaluationRequest r = requests.get(next);
    next = (next + 1) & 63;
    return Evaluator.evaluate(r);
  }
}
