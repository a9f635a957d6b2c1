package dev.gatehouse.aws.sts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.aws.api.OperationContext;
import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.api.Params;
import dev.gatehouse.aws.api.Shape;
import dev.gatehouse.aws.auth.SessionClaims;
import dev.gatehouse.aws.iam.OidcProviderOperations;
import dev.gatehouse.aws.model.OidcProvider;
import dev.gatehouse.aws.model.Role;
import dev.gatehouse.aws.model.Tag;
import dev.gatehouse.aws.protocol.Node;
import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.iam.policy.EvaluationRequest;
import dev.gatehouse.iam.policy.Evaluator;
import dev.gatehouse.iam.policy.PolicySource;
import dev.gatehouse.iam.policy.RequestContext;
import dev.gatehouse.iam.policy.RequestPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * sts:AssumeRoleWithWebIdentity for OIDC tokens (EKS service-account tokens, GitHub Actions, any OIDC issuer),
 * checked in the order STS's errors suggest: the IAM OIDC provider of the role's account whose URL is the token's
 * {@code iss}; the signature, with keys from the issuer's discovery document; an {@code aud} among the provider's
 * client ids; {@code exp}, {@code nbf} and {@code iat}; finally the role's trust policy for the provider as
 * federated principal, with the {@code <provider-url>:aud/:sub/:amr} condition keys. No identity policy takes part:
 * the request is unsigned. Session tags and source identity come from the token's
 * {@code https://aws.amazon.com/tags} and {@code https://aws.amazon.com/source_identity} claims and need
 * sts:TagSession / sts:SetSourceIdentity in the trust policy too. {@code ProviderId} (OAuth 2.0 providers such as
 * Login with Amazon) is accepted and ignored.
 */
public final class WebIdentityOperation {
  static final String ACTION = "sts:AssumeRoleWithWebIdentity";
  static final String NOT_A_JWT =
      "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)";
  // STS's text, with its double space.
  static final String KEY_UNAVAILABLE = "Couldn't retrieve verification key from your identity provider,  please"
      + " reference AssumeRoleWithWebIdentity documentation for requirements";
  /** Gatehouse's own text: STS's for a signature that does not verify is not documented. */
  static final String BAD_SIGNATURE = "The signature of the web identity token is invalid";
  static final String WRONG_AUDIENCE = "Incorrect token audience";
  /** Gatehouse's own text for a token used before its nbf/iat. */
  static final String NOT_YET_VALID = "The web identity token is not valid yet";
  static final Duration SKEW = Duration.ofMinutes(5);
  static final String TAGS_CLAIM = "https://aws.amazon.com/tags";
  static final String SOURCE_IDENTITY_CLAIM = "https://aws.amazon.com/source_identity";
  private static final Logger log = LoggerFactory.getLogger(WebIdentityOperation.class);

  private final AwsState state;
  private final AssumeRoleOperation.RoleLookup roles;
  private final SessionIssuer issuer;
  private final OidcKeys keys;

  public WebIdentityOperation(AwsState state, AssumeRoleOperation.RoleLookup roles, SessionIssuer issuer,
      OidcKeys keys) {
    this.state = state;
    this.roles = roles;
    this.issuer = issuer;
    this.keys = keys;
  }

  public OperationSpec spec() {
    return OperationSpec.stsUnsigned("AssumeRoleWithWebIdentity", this::assume);
  }

  /** Session tags from the token's tags claim. */
  private record TokenTags(List<Tag> tags, List<String> transitiveKeys) {}

  private Node assume(OperationContext ctx) {
    Params p = ctx.params();
    AssumeRoleRequest asked = AssumeRoleRequest.parse(p);
    String jwt = p.required("WebIdentityToken");
    p.checkLength("WebIdentityToken", jwt, 4, 20000);
    p.optional("ProviderId").ifPresent(id -> p.checkLength("ProviderId", id, 4, 2048));

    WebIdentityToken token = WebIdentityToken.parse(jwt).orElseThrow(() -> StsErrors.invalidIdentityToken(NOT_A_JWT));
    String iss = token.issuer().orElseThrow(() -> StsErrors.invalidIdentityToken(NOT_A_JWT));
    String roleAccount = accountOf(asked.roleArn());
    OidcProvider provider = Optional.ofNullable(roleAccount)
        .flatMap(a -> OidcProviderOperations.byIssuer(state, a, iss))
        .orElseThrow(() -> StsErrors.invalidIdentityToken("No OpenIDConnect provider found in your account for " + iss));
    verifySignature(token, iss);
    String audience = audience(token, provider);
    checkTimes(token, ctx.now());
    String subject = token.subject().orElseThrow(() -> StsErrors.invalidIdentityToken(NOT_A_JWT));

    Role role = roles.byArn(asked.roleArn()).orElseThrow(() -> StsErrors.accessDenied("Not authorized to perform " + ACTION));
    TokenTags tags = tags(token);
    Optional<String> sourceIdentity = token.text(SOURCE_IDENTITY_CLAIM);
    AssumeRoleRequest req = new AssumeRoleRequest(asked.roleArn(), asked.sessionName(), asked.durationSeconds(),
        asked.policy(), asked.policyArns(), tags.tags(), tags.transitiveKeys(), Optional.empty(), sourceIdentity);
    RequestContext context = context(ctx, req, token, provider, audience, subject);
    PolicySource trust = roles.trustPolicy(role);
    RequestPrincipal principal = RequestPrincipal.forFederated(provider.arn(), provider.account());
    authorize(ACTION, role, trust, principal, context);
    if (!req.tags().isEmpty()) {
      authorize("sts:TagSession", role, trust, principal, context);
    }
    if (sourceIdentity.isPresent()) {
      authorize("sts:SetSourceIdentity", role, trust, principal, context);
    }

    int duration = AssumeRoleOperation.duration(req, role, false);
    req.policy().ifPresent(AssumeRoleOperation::checkSessionPolicy);
    int packed = req.packedPolicySize();
    if (packed > 100) {
      throw StsErrors.packedPolicyTooLarge("Packed policy consumes " + packed + "% of allotted space, please use smaller policy.");
    }
    Map<String, String> sessionTags = new LinkedHashMap<>();
    req.tags().forEach(t -> sessionTags.put(t.key(), t.value()));
    SessionClaims claims = new SessionClaims(issuer.newAccessKeyId(role.account()), role.account(),
        SessionClaims.Kind.ROLE, role.name(), role.id(), req.sessionName(), ctx.now(),
        ctx.now().plus(Duration.ofSeconds(duration)), false, false, req.policy().orElse(null), req.policyArns(),
        sessionTags, req.transitiveTagKeys(), sourceIdentity.orElse(null), provider.arn());
    Shape s = Shape.struct().child("Credentials", issuer.credentials(claims))
        .str("SubjectFromWebIdentityToken", subject)
        .child("AssumedRoleUser", Shape.struct().str("AssumedRoleId", role.id() + ":" + req.sessionName())
            .str("Arn", "arn:aws:sts::" + role.account() + ":assumed-role/" + role.name() + "/" + req.sessionName()));
    if (req.packsAnything()) {
      s.integer("PackedPolicySize", packed);
    }
    return s.str("Provider", provider.arn()).str("Audience", audience).str("SourceIdentity", sourceIdentity.orElse(null))
        .toNode();
  }

  private void verifySignature(WebIdentityToken token, String iss) {
    String alg = token.algorithm();
    if (!JwsSignatures.supported(alg)) {
      log.info("web identity token of {} refused: algorithm {} is not accepted", iss, alg);
      throw StsErrors.invalidIdentityToken(KEY_UNAVAILABLE);
    }
    List<JwsSignatures.Jwk> candidates;
    try {
      candidates = keys.candidates(iss, token.keyId(), alg);
    } catch (OidcKeys.FetchFailed e) {
      log.info("web identity token of {} refused: cannot get the issuer's keys: {}", iss, e.getMessage());
      throw StsErrors.invalidIdentityToken(KEY_UNAVAILABLE);
    }
    if (candidates.isEmpty()) {
      log.info("web identity token of {} refused: the issuer has no {} key with kid {}", iss, alg,
          token.keyId().orElse("(none)"));
      throw StsErrors.invalidIdentityToken(KEY_UNAVAILABLE);
    }
    if (candidates.stream().noneMatch(k -> JwsSignatures.verify(token, k))) {
      throw StsErrors.invalidIdentityToken(BAD_SIGNATURE);
    }
  }

  /** The client id the token is for: its azp if that is a client id, else the first aud that is. */
  private static String audience(WebIdentityToken token, OidcProvider provider) {
    Optional<String> azp = token.authorizedParty().filter(provider.clientIds()::contains);
    if (azp.isPresent()) {
      return azp.get();
    }
    return token.audiences().stream().filter(provider.clientIds()::contains).findFirst()
        .orElseThrow(() -> StsErrors.invalidIdentityToken(WRONG_AUDIENCE));
  }

  private static void checkTimes(WebIdentityToken token, Instant now) {
    long nowSeconds = now.getEpochSecond();
    OptionalLong exp = token.expiry();
    if (exp.isEmpty()) {
      throw StsErrors.invalidIdentityToken(NOT_A_JWT);
    }
    if (nowSeconds >= exp.getAsLong()) {
      // STS's text, without a space before the second number.
      throw StsErrors.expiredToken("Token expired: current date/time " + nowSeconds
          + " must be before the expiration date/time" + exp.getAsLong());
    }
    long latest = nowSeconds + SKEW.toSeconds();
    if (token.notBefore().orElse(Long.MIN_VALUE) > latest || token.issuedAt().orElse(Long.MIN_VALUE) > latest) {
      throw StsErrors.invalidIdentityToken(NOT_YET_VALID);
    }
  }

  /** {@code {"principal_tags": {"k": ["v"]}, "transitive_tag_keys": ["k"]}}: the first value of each tag. */
  private static TokenTags tags(WebIdentityToken token) {
    Optional<JsonNode> claim = token.object(TAGS_CLAIM);
    if (claim.isEmpty()) {
      return new TokenTags(List.of(), List.of());
    }
    List<Tag> tags = new ArrayList<>();
    JsonNode principalTags = claim.get().get("principal_tags");
    if (principalTags != null && principalTags.isObject()) {
      principalTags.fields().forEachRemaining(e -> {
        List<String> values = WebIdentityToken.strings(e.getValue());
        if (!values.isEmpty()) {
          tags.add(new Tag(e.getKey(), values.get(0)));
        }
      });
    }
    return new TokenTags(tags, WebIdentityToken.strings(claim.get().get("transitive_tag_keys")));
  }

  private static RequestContext context(OperationContext ctx, AssumeRoleRequest req, WebIdentityToken token,
      OidcProvider provider, String audience, String subject) {
    RequestContext.Builder c = RequestContext.builder();
    c.putDate("aws:CurrentTime", ctx.now());
    c.putNumber("aws:EpochTime", ctx.now().getEpochSecond());
    c.putBoolean("aws:SecureTransport", ctx.secureTransport());
    c.put("aws:RequestedRegion", ctx.region());
    if (ctx.sourceIp() != null) {
      c.put("aws:SourceIp", ctx.sourceIp());
    }
    c.put("aws:FederatedProvider", provider.arn());
    c.put(provider.url() + ":aud", audience);
    c.put(provider.url() + ":sub", subject);
    List<String> amr = token.authenticationMethods();
    if (!amr.isEmpty()) {
      c.putAll(provider.url() + ":amr", amr);
    }
    c.put("sts:RoleSessionName", req.sessionName());
    req.durationSeconds().ifPresent(d -> c.putNumber("sts:DurationSeconds", d));
    req.sourceIdentity().ifPresent(id -> c.put("sts:SourceIdentity", id));
    if (!req.tags().isEmpty()) {
      req.tags().forEach(t -> c.put("aws:RequestTag/" + t.key(), t.value()));
      c.putAll("aws:TagKeys", req.tags().stream().map(Tag::key).toList());
    }
    if (!req.transitiveTagKeys().isEmpty()) {
      c.putAll("sts:TransitiveTagKeys", req.transitiveTagKeys());
    }
    return c.build();
  }

  /** The trust policy alone decides: a federated caller has no identity policies (see the engine's table). */
  private static void authorize(String action, Role role, PolicySource trust, RequestPrincipal principal,
      RequestContext context) {
    EvaluationRequest request = new EvaluationRequest(action, role.arn(), role.account(), principal, context,
        List.of(), Optional.of(trust), true, Optional.empty(), List.of());
    if (!Evaluator.evaluate(request).allowed()) {
      throw StsErrors.accessDenied("Not authorized to perform " + action);
    }
  }

  private static String accountOf(String roleArn) {
    String[] parts = roleArn.split(":", 6);
    return parts.length == 6 && parts[0].equals("arn") && parts[4].matches("\\d{12}") ? parts[4] : null;
  }
}
