package dev.gatehouse.kube.jwt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Outcome of presenting a bearer token to one token authenticator.
 *
 * <p>The three cases follow kube-apiserver's {@code (response, ok, err)} triple: {@link Authenticated} is
 * {@code ok}, {@link NotApplicable} is {@code (nil, false, nil)} (the token is not for this authenticator, or the
 * authenticator declined it without an error) and {@link Rejected} is a non-nil error. Reasons are meant for the
 * server log only: clients always get the generic 401 body.
 */
public sealed interface TokenAuthenticationResult {

    /** An authenticated identity; {@code extra} keeps the order in which the values were produced. */
    record Authenticated(String username, String uid, List<String> groups, Map<String, List<String>> extra)
            implements TokenAuthenticationResult {
        public Authenticated {
            Objects.requireNonNull(username, "username");
            uid = uid == null ? "" : uid;
            groups = groups == null ? List.of() : List.copyOf(groups);
            Map<String, List<String>> copy = new LinkedHashMap<>();
            if (extra != null) {
                extra.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            }
            extra = java.util.Collections.unmodifiableMap(copy);
        }
    }

    /** The token is not meant for this authenticator (or it declined without error); try the next one. */
    record NotApplicable(String reason) implements TokenAuthenticationResult {
        public NotApplicable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The token was meant for this authenticator but is invalid, or the authenticator could not decide. */
    record Rejected(String reason) implements TokenAuthenticationResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
