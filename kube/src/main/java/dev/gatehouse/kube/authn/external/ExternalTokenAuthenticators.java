package dev.gatehouse.kube.authn.external;

import dev.gatehouse.kube.authn.AuthenticationResult;
import dev.gatehouse.kube.authn.TokenAuthenticator;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult;
import dev.gatehouse.kube.jwt.oidc.JwtAuthenticators;
import dev.gatehouse.kube.jwt.webhook.WebhookTokenAuthenticator;
import java.util.List;

/**
 * Token authenticators backed by other systems: the JWT/OIDC issuers of an {@code AuthenticationConfiguration}
 * file and a TokenReview webhook. They run on API worker threads (key and webhook fetches may wait).
 */
public final class ExternalTokenAuthenticators {
  private ExternalTokenAuthenticators() {}

  public static TokenAuthenticator jwt(JwtAuthenticators authenticators) {
    return (cluster, token) -> adapt(authenticators.authenticate(token), "jwt");
  }

  public static TokenAuthenticator webhook(WebhookTokenAuthenticator webhook) {
    return (cluster, token) -> adapt(webhook.authenticate(token, List.of()), "webhook");
  }

  static AuthenticationResult adapt(TokenAuthenticationResult result, String source) {
    if (result instanceof TokenAuthenticationResult.Authenticated a) {
      return new AuthenticationResult.Authenticated(new UserInfo(a.username(), a.uid(), a.groups(), a.extra()));
    }
    if (result instanceof TokenAuthenticationResult.Rejected r) {
      return new AuthenticationResult.Rejected(source + ": " + r.reason());
    }
    return new AuthenticationResult.NotApplicable();
  }
}
