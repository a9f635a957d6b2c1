package dev.gatehouse.bench.load.aws;

import dev.gatehouse.aws.sigv4.SigningCredentials;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares each server with plain signed requests from this process, and proves before any measurement that the
 * server really verifies signatures: a request with one wrong signature digit and one from an unknown key must
 * both be refused with 403.
 */
final class AwsSetup {
  static final String ROLE_NAME = "bench-assume";
  static final String MOTO_USER = "bench-caller";
  static final int LIST_USERS = 10;

  /** moto accepts any key while its auth is off; this one is only used for the setup calls. */
  private static final SigningCredentials MOTO_SETUP_KEY = SigningCredentials.of("AKIAIOSFODNN7EXAMPLE",
      "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  private static final String ALLOW_ALL = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

  private final PrintStream log;

  AwsSetup(PrintStream log) {
    this.log = log;
  }

  /** Gatehouse: the admin key from {@code DIR/aws/credentials}; the role (and users) the scenarios need. */
  AwsTarget gatehouse(URI url, Path dataDir, long pid, String region, List<AwsScenario> scenarios)
      throws InterruptedException {
    SigningCredentials admin = adminKey(dataDir.resolve("aws").resolve("credentials"));
    AwsTarget target = AwsTarget.of(AwsLoadOptions.GATEHOUSE, url, pid, admin, region);
    String callerArn = xml(target.expectOk("sts", gci()), "Arn");
    log.println("gatehouse: signed in as " + callerArn);
    checkRejections(target);
    if (scenarios.contains(AwsScenario.LIST_USERS)) {
      createUsers(target);
    }
    if (scenarios.contains(AwsScenario.ASSUME_ROLE)) {
      target = withRole(target, callerArn);
    }
    return target;
  }

  /**
   * moto: with auth still off, a user with an access key and an allow-all policy (and the role); then auth on
   * ({@code POST /moto-api/reset-auth} with {@code 0}: verification from the next request on), then the checks.
   */
  AwsTarget moto(URI url, long pid, String region, List<AwsScenario> scenarios) {
    AwsTarget setup = AwsTarget.of(AwsLoadOptions.MOTO, url, pid, MOTO_SETUP_KEY, region);
    String userArn = xml(setup.expectOk("iam", "Action=CreateUser&Version=" + AwsScenario.IAM_VERSION
        + "&UserName=" + MOTO_USER), "Arn");
    String keyXml = setup.expectOk("iam", "Action=CreateAccessKey&Version=" + AwsScenario.IAM_VERSION
        + "&UserName=" + MOTO_USER);
    SigningCredentials key = SigningCredentials.of(xml(keyXml, "AccessKeyId"), xml(keyXml, "SecretAccessKey"));
    String policyArn = xml(setup.expectOk("iam", "Action=CreatePolicy&Version=" + AwsScenario.IAM_VERSION
        + "&PolicyName=bench-allow-all&PolicyDocument=" + AwsScenario.encode(ALLOW_ALL)), "Arn");
    setup.expectOk("iam", "Action=AttachUserPolicy&Version=" + AwsScenario.IAM_VERSION + "&UserName=" + MOTO_USER
        + "&PolicyArn=" + AwsScenario.encode(policyArn));
    if (scenarios.contains(AwsScenario.LIST_USERS)) {
      createUsers(setup);
    }
    String roleArn = scenarios.contains(AwsScenario.ASSUME_ROLE) ? createRole(setup, userArn) : null;

    QueryConnection.Response switched = setup.send(("POST /moto-api/reset-auth HTTP/1.1\r\nHost: " + url.getHost()
        + ":" + url.getPort() + "\r\nContent-Length: 1\r\n\r\n0").getBytes(StandardCharsets.ISO_8859_1));
    if (!switched.ok()) {
      throw new IllegalStateException("moto: reset-auth answered " + switched.summary());
    }
    log.println("moto: auth switched on (" + switched.text().trim() + ")");

    AwsTarget target = setup.withCredentials(key, region).withRoleArn(roleArn);
    String callerArn = xml(target.expectOk("sts", gci()), "Arn");
    if (!callerArn.equals(userArn)) {
      throw new IllegalStateException("moto: GetCallerIdentity names " + callerArn + ", expected " + userArn);
    }
    log.println("moto: signed in as " + callerArn);
    checkRejections(target);
    if (roleArn != null) {
      target.expectOk("sts", AwsScenario.ASSUME_ROLE.form(target).apply(0));
    }
    return target;
  }

  private AwsTarget withRole(AwsTarget target, String principalArn) throws InterruptedException {
    AwsTarget withRole = target.withRoleArn(createRole(target, principalArn));
    String assumeRole = AwsScenario.ASSUME_ROLE.form(withRole).apply(0);
    // A new role may take a moment to reach every reader of the server's state: retry briefly.
    QueryConnection.Response last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      last = withRole.call("sts", assumeRole);
      if (AwsScenario.ASSUME_ROLE.answered(last)) {
        log.println(target.name() + ": AssumeRole of " + withRole.roleArn() + " works");
        return withRole;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(target.name() + ": AssumeRole of " + withRole.roleArn() + " answered "
        + last.summary());
  }

  /** A role whose trust policy names {@code principalArn}; an existing one (from an earlier run) is reused. */
  private static String createRole(AwsTarget target, String principalArn) {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
        + principalArn + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    QueryConnection.Response created = target.call("iam", "Action=CreateRole&Version=" + AwsScenario.IAM_VERSION
        + "&RoleName=" + ROLE_NAME + "&AssumeRolePolicyDocument=" + AwsScenario.encode(trust));
    if (created.ok()) {
      return xml(created.text(), "Arn");
    }
    if (created.text().contains("EntityAlreadyExists")) {
      return xml(target.expectOk("iam", "Action=GetRole&Version=" + AwsScenario.IAM_VERSION + "&RoleName="
          + ROLE_NAME), "Arn");
    }
    throw new IllegalStateException(target.name() + ": CreateRole answered " + created.summary());
  }

  private static void createUsers(AwsTarget target) {
    for (int i = 1; i <= LIST_USERS; i++) {
      QueryConnection.Response r = target.call("iam", "Action=CreateUser&Version=" + AwsScenario.IAM_VERSION
          + "&UserName=bench-user-" + i);
      if (!r.ok() && !r.text().contains("EntityAlreadyExists")) {
        throw new IllegalStateException(target.name() + ": CreateUser answered " + r.summary());
      }
    }
  }

  /** A wrong signature and an unknown key must both get 403 before any figure of this server is believed. */
  private void checkRejections(AwsTarget target) {
    QueryConnection.Response wrongSignature = target.call("sts", gci(), QuerySigner.Spoil.WRONG_SIGNATURE);
    QueryConnection.Response wrongSecret = target.call("sts", gci(), QuerySigner.Spoil.WRONG_SECRET);
    AwsTarget unknown = target.withCredentials(SigningCredentials.of("AKIAZZZZZZZZZZZZZZZZ", "not-a-secret"),
        target.signer().region());
    QueryConnection.Response unknownKey = unknown.call("sts", gci());
    for (var check : Map.of("one wrong signature digit", wrongSignature, "a wrong secret", wrongSecret,
        "an unknown access key", unknownKey).entrySet()) {
      QueryConnection.Response r = check.getValue();
      if (r.status() != 403) {
        throw new IllegalStateException(target.name() + " does not verify signatures: a request with "
            + check.getKey() + " answered " + r.summary());
      }
    }
    log.println(target.name() + ": refuses a wrong signature (403 " + code(wrongSignature) + "), a wrong secret (403 "
        + code(wrongSecret) + ") and an unknown key (403 " + code(unknownKey) + ")");
  }

  private static String gci() {
    return AwsScenario.GET_CALLER_IDENTITY.form(null).apply(0);
  }

  private static String code(QueryConnection.Response r) {
    return findXml(r.text(), "Code").orElse("?");
  }

  static String xml(String document, String element) {
    return findXml(document, element).orElseThrow(() -> new IllegalStateException("no <" + element + "> in "
        + (document.length() > 300 ? document.substring(0, 300) + "..." : document)));
  }

  private static Optional<String> findXml(String document, String element) {
    Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(document);
    return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
  }

  /** The {@code gatehouse-admin} profile of an AWS shared credentials file; waits for the server to write it. */
  static SigningCredentials adminKey(Path credentials) throws InterruptedException {
    for (int i = 0; i < 600 && !Files.isRegularFile(credentials); i++) {
      Thread.sleep(100);
    }
    try {
      Map<String, String> profile = new HashMap<>();
      boolean inAdmin = false;
      for (String line : Files.readAllLines(credentials)) {
        String t = line.trim();
        if (t.startsWith("[")) {
          inAdmin = t.equals("[gatehouse-admin]");
        } else if (inAdmin && t.contains("=")) {
          profile.put(t.substring(0, t.indexOf('=')).trim(), t.substring(t.indexOf('=') + 1).trim());
        }
      }
      String id = profile.get("aws_access_key_id");
      String secret = profile.get("aws_secret_access_key");
      if (id == null || secret == null) {
        throw new IllegalStateException("no gatehouse-admin key in " + credentials);
      }
      return SigningCredentials.of(id, secret);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + credentials, e);
    }
  }
}
