package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.util.List;

/** The registered JWT claims, decoded as go-jose's {@code jwt.Claims} decodes them (absent strings are empty). */
record Claims(String issuer, String subject, List<String> audiences, Long expiry, Long notBefore, Long issuedAt,
              String jti) {
    Claims {
        audiences = List.copyOf(audiences);
    }
}
