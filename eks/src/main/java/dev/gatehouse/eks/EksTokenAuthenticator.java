package dev.gatehouse.eks;

import dev.gatehouse.eks.mapping.IdentityMapper;
import dev.gatehouse.eks.mapping.MappingResult;
import dev.gatehouse.eks.token.AwsIdentity;
import dev.gatehouse.eks.token.TokenVerification;
import dev.gatehouse.eks.token.TokenVerifier;
import dev.gatehouse.kube.authn.AuthenticationResult;
import dev.gatehouse.kube.authn.TokenAuthenticator;
import dev.gatehouse.kube.authn.UserInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code aws eks get-token} bearer tokens: the token is verified as a presigned GetCallerIdentity for the
 * request's cluster, then the identity is mapped (access entries, aws-auth) to a user with the uid and extra
 * aws-iam-authenticator's server gives (pkg/server/server.go): uid
 * {@code aws-iam-authenticator:<AccountID>:<UserID>} and extra {@code arn}, {@code canonicalArn},
 * {@code sessionName}, {@code accessKeyId}, {@code principalId} and
 * {@code sigs.k8s.io/aws-iam-authenticator/principalId}.
 *
 * <p>Upstream's UserID is the role's unique ID without the session for role sessions ({@code AROA…}) and STS's
 * whole UserId for users, root and federated users; {@code principalId} carries the same value.
 */
public final class EksTokenAuthenticator implements TokenAuthenticator {
  private static final Logger log = LoggerFactory.getLogger(EksTokenAuthenticator.class);
  public static final String EXTRA_ARN = "arn";
  public static final String EXTRA_CANONICAL_ARN = "canonicalArn";
  public static final String EXTRA_SESSION_NAME = "sessionName";
  public static final String EXTRA_ACCESS_KEY_ID = "accessKeyId";
  public static final String EXTRA_PRINCIPAL_ID = "principalId";
  public static final String EXTRA_AUTHENTICATOR_PRINCIPAL_ID = "sigs.k8s.io/aws-iam-authenticator/principalId";

  private final TokenVerifier verifier;
  private final IdentityMapper mapper;

  public EksTokenAuthenticator(TokenVerifier verifier, IdentityMapper mapper) {
    this.verifier = verifier;
    this.mapper = mapper;
  }

  @Override
  public AuthenticationResult authenticateToken(String cluster, String token) {
    TokenVerification verification = verifier.verify(token, cluster);
    if (verification instanceof TokenVerification.NotApplicable) {
      return new AuthenticationResult.NotApplicable();
    }
    if (verification instanceof TokenVerification.Rejected r) {
      log.info("eks: token rejected in cluster \"{}\": {}", cluster, r.reason());
      return new AuthenticationResult.Rejected(r.reason());
    }
    AwsIdentity id = ((TokenVerification.Verified) verification).identity();
    MappingResult mapping = mapper.map(cluster, id);
    if (mapping instanceof MappingResult.Unmapped u) {
      log.info("eks: access denied: {}", u.reason());
      return new AuthenticationResult.Rejected(u.reason());
    }
    MappingResult.Mapped m = (MappingResult.Mapped) mapping;
    log.debug("eks: {} is {} {} in cluster \"{}\" by {}", id.arn(), m.username(), m.groups(), cluster, m.source());
    return new AuthenticationResult.Authenticated(userInfo(id, m));
  }

  static UserInfo userInfo(AwsIdentity id, MappingResult.Mapped m) {
    String userId = upstreamUserId(id);
    Map<String, List<String>> extra = new LinkedHashMap<>();
    extra.put(EXTRA_ARN, List.of(id.arn()));
    extra.put(EXTRA_CANONICAL_ARN, List.of(id.canonicalArn()));
    extra.put(EXTRA_SESSION_NAME, List.of(id.sessionName() == null ? "" : id.sessionName()));
    extra.put(EXTRA_ACCESS_KEY_ID, List.of(id.accessKeyId() == null ? "" : id.accessKeyId()));
    extra.put(EXTRA_PRINCIPAL_ID, List.of(userId));
    extra.put(EXTRA_AUTHENTICATOR_PRINCIPAL_ID, List.of(userId));
    return new UserInfo(m.username(), "aws-iam-authenticator:" + id.accountId() + ":" + userId, m.groups(),
        java.util.Collections.unmodifiableMap(extra));
  }

  /** Upstream's {@code Identity.UserID}: split off the session only for assumed roles. */
  static String upstreamUserId(AwsIdentity id) {
    return id.arn().contains(":assumed-role/") ? id.principalId() : id.userId();
  }
}
