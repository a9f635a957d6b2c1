package dev.gatehouse.cli;

import dev.gatehouse.kube.audit.AuditLog;
import dev.gatehouse.kube.audit.AuditPolicy;
import dev.gatehouse.kube.audit.InvalidAuditPolicyException;
import dev.gatehouse.kube.authn.TokenAuthenticator;
import dev.gatehouse.kube.authn.external.ExternalTokenAuthenticators;
import dev.gatehouse.kube.authn.tokens.tokenfile.TokenFile;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration;
import dev.gatehouse.kube.jwt.config.ConfigurationException;
import dev.gatehouse.kube.jwt.oidc.JwtAuthenticators;
import dev.gatehouse.kube.jwt.oidc.JwtOptions;
import dev.gatehouse.kube.jwt.webhook.WebhookOptions;
import dev.gatehouse.kube.jwt.webhook.WebhookTokenAuthenticator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What serve reads from the files its flags name, read and checked before anything is opened: the audit policy,
 * the static token file, the JWT authenticators and the token webhook.
 *
 * @param data the data directory, absolute and created
 * @param externalTokens token authenticators from configuration files, in the order they are consulted
 */
record ServeConfiguration(Path data, AuditPolicy auditPolicy, AuditLog auditLog, TokenFile tokenFile,
                          List<TokenAuthenticator> externalTokens) {

  /** A flag or file serve cannot start with; the message is printed after "gatehouse: ". */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  static ServeConfiguration read(ServeCommand flags) throws Invalid, IOException {
    for (String id : concat(flags.awsAccountId, flags.awsExtraAccounts)) {
      if (!id.matches("\\d{12}")) {
        throw new Invalid("an AWS account id must be 12 digits, got " + id);
      }
    }
    Files.createDirectories(flags.dataDir);
    Path data = flags.dataDir.toAbsolutePath();
    AuditPolicy auditPolicy = AuditPolicy.defaultPolicy();
    if (flags.auditPolicyFile != null) {
      try {
        auditPolicy = AuditPolicy.parse(Files.readString(flags.auditPolicyFile));
      } catch (InvalidAuditPolicyException e) {
        throw new Invalid(e.getMessage() + ": from file " + flags.auditPolicyFile);
      }
    }
    TokenFile tokenFile = null;
    if (flags.tokenAuthFile != null) {
      var read = TokenFile.read(flags.tokenAuthFile.toString(), Files.readString(flags.tokenAuthFile));
      if (read instanceof TokenFile.Invalid invalid) {
        throw new Invalid(invalid.error().message());
      }
      tokenFile = ((TokenFile.Loaded) read).file();
    }
    List<TokenAuthenticator> externalTokens = new ArrayList<>();
    if (flags.authenticationConfig != null) {
      try {
        var config = AuthenticationConfiguration.parse(Files.readString(flags.authenticationConfig));
        JwtAuthenticators jwt = JwtAuthenticators.create(config, JwtOptions.defaults());
        jwt.start();
        externalTokens.add(ExternalTokenAuthenticators.jwt(jwt));
      } catch (ConfigurationException e) {
        throw new Invalid(e.getMessage() + ": from file " + flags.authenticationConfig);
      }
    }
    if (flags.tokenWebhookConfig != null) {
      externalTokens.add(ExternalTokenAuthenticators.webhook(
          WebhookTokenAuthenticator.fromKubeconfigFile(flags.tokenWebhookConfig, WebhookOptions.defaults())));
    }
    // opened last: nothing above can fail after it, so an invalid flag leaves no open file behind
    AuditLog auditLog = flags.auditLogPath != null && flags.auditLogPath.equals("-")
        ? AuditLog.toStream(System.out, AuditLog.Settings.DEFAULT)
        : AuditLog.open(flags.auditLogPath == null ? data.resolve("audit.log") : Path.of(flags.auditLogPath));
    return new ServeConfiguration(data, auditPolicy, auditLog, tokenFile, externalTokens);
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }
}
