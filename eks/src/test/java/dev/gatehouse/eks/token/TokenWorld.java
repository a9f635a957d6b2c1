package dev.gatehouse.eks.token;

import dev.gatehouse.aws.auth.CredentialResolver;
import dev.gatehouse.aws.sigv4.Headers;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import dev.gatehouse.aws.sigv4.SigV4Signer;
import dev.gatehouse.aws.sigv4.SigningCredentials;
import dev.gatehouse.aws.sts.AssumeRoleOperation;
import dev.gatehouse.aws.sts.StateRoleLookup;
import dev.gatehouse.aws.testing.AwsTestKit;
import dev.gatehouse.aws.testing.Nodes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An AwsTestKit account with the principals the token tests sign with: user alice (active key), user bob (his
 * only key deactivated), roles deployer (path /) and ci-runner (path /team/ci/), and a key nobody issued. Mints
 * tokens the way {@code aws eks get-token} does (botocore's presigner).
 */
final class TokenWorld implements AutoCloseable {
  static final String CLUSTER = "demo";
  static final String OWN_ENDPOINT = "http://127.0.0.1:6480";
  static final SigningCredentials STRANGER =
      SigningCredentials.of("AKIAGATEHOUSESTRANGE", "c3RyYW5nZXIncyBzZWNyZXQgbm9ib2R5IGlzc3VlZA");
  private static final String TRUST_ACCOUNT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + AwsTestKit.ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";

  final AwsTestKit kit;
  final SigningCredentials alice;
  final SigningCredentials bob;

  TokenWorld() {
    kit = AwsTestKit.start();
    kit.register(List.of(new AssumeRoleOperation(new StateRoleLookup(kit.state(), kit.policies()), kit.authorizer(),
        kit.issuer()).spec()));
    alice = userWithKey("alice");
    bob = userWithKey("bob");
    kit.call(kit.admin(), "UpdateAccessKey", "UserName", "bob", "AccessKeyId", bob.accessKeyId(), "Status", "Inactive");
    kit.call(kit.admin(), "CreateRole", "RoleName", "deployer", "AssumeRolePolicyDocument", TRUST_ACCOUNT);
    kit.call(kit.admin(), "CreateRole", "RoleName", "ci-runner", "Path", "/team/ci/",
        "AssumeRolePolicyDocument", TRUST_ACCOUNT);
  }

  CredentialResolver resolver() {
    return new CredentialResolver(kit.state(), kit::tokens);
  }

  /** Temporary credentials of a new session of {@code roleName}, issued at the kit's current time. */
  SigningCredentials assume(String roleName, String sessionName) {
    String arn = Nodes.at(Nodes.struct(kit.call(kit.admin(), "GetRole", "RoleName", roleName)), "Role", "Arn");
    Map<String, Object> credentials = Nodes.at(Nodes.struct(kit.call(kit.admin(), "AssumeRole", "RoleArn", arn,
        "RoleSessionName", sessionName)), "Credentials");
    return SigningCredentials.of((String) credentials.get("AccessKeyId"), (String) credentials.get("SecretAccessKey"),
        (String) credentials.get("SessionToken"));
  }

  private SigningCredentials userWithKey(String name) {
    kit.call(kit.admin(), "CreateUser", "UserName", name);
    Map<String, Object> key = Nodes.at(Nodes.struct(kit.call(kit.admin(), "CreateAccessKey", "UserName", name)),
        "AccessKey");
    return SigningCredentials.of((String) key.get("AccessKeyId"), (String) key.get("SecretAccessKey"));
  }

  /** How a token is minted; {@link #botocore} gives what {@code aws eks get-token} does. */
  record Mint(String endpoint, String path, String region, String service, String ownQuery, String signedFor,
      boolean signClusterId, Instant at, long expiresSeconds) {
    static Mint botocore(String endpoint, String region, Instant at) {
      return new Mint(endpoint, "/", region, "sts", "Action=GetCallerIdentity&Version=2011-06-15", CLUSTER, true,
          at, 60);
    }
  }

  /** The presigned URL: GET endpoint+path?ownQuery&X-Amz-…, headers host (+ x-k8s-aws-id) signed. */
  static String presignedUrl(SigningCredentials credentials, Mint mint) {
    URI endpoint = URI.create(mint.endpoint());
    Headers headers = mint.signClusterId()
        ? Headers.of("Host", endpoint.getRawAuthority(), "x-k8s-aws-id", mint.signedFor())
        : Headers.of("Host", endpoint.getRawAuthority());
    HttpRequestView request = new HttpRequestView("GET", mint.path(), mint.ownQuery(), headers, null);
    return SigV4Signer.presignUrl(endpoint.getScheme(), request, credentials, mint.region(), mint.service(), mint.at(),
        Duration.ofSeconds(mint.expiresSeconds()));
  }

  static String token(String url) {
    return K8sAwsTokenVerifier.PREFIX
        + Base64.getUrlEncoder().withoutPadding().encodeToString(url.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    kit.close();
  }
}
