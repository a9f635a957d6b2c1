package dev.gatehouse.kube.jwt.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.jwt.internal.GoFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The checks go-oidc v2's {@code IDTokenVerifier.Verify} makes, in its order, plus kube-apiserver's own audience
 * check for several audiences. Messages are upstream's, without the {@code oidc: verify token: } prefix the
 * authenticator adds.
 *
 * <p>go-oidc checks the claims before the signature; that only changes which reason is logged, since every
 * failure rejects the token. {@code exp} has no leeway, {@code nbf} one minute, {@code iat} is not checked.
 */
final class IdTokenVerifier {

    private static final Duration NOT_BEFORE_LEEWAY = Duration.ofMinutes(1);

    private final String issuer;
    private final List<String> audiences;
    private final Clock clock;
    private final java.util.SortedSet<String> algorithms;

    IdTokenVerifier(String issuer, List<String> audiences, Clock clock, java.util.Set<String> algorithms) {
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
        this.clock = clock;
        this.algorithms = new TreeSet<>(algorithms);
    }

    /** A token that passed every check but the signature, or the reason it failed. */
    sealed interface Precheck {
        record Ready(CompactJws jws, JsonNode payload, IdTokenClaims claims) implements Precheck {
        }

        record Failed(String reason) implements Precheck {
        }
    }

    Precheck precheck(String token) {
        CompactJws.Parsed parsed = CompactJws.parse(token);
        if (parsed.jws().isEmpty()) {
            return new Precheck.Failed("oidc: malformed jwt: " + parsed.problem());
        }
        CompactJws jws = parsed.jws().get();
        JsonNode payload;
        try {
            payload = Json.parseObject(jws.payload());
        } catch (Json.JsonException e) {
            return new Precheck.Failed("oidc: failed to unmarshal claims: " + e.getMessage());
        }
        IdTokenClaims.Decoded decoded = IdTokenClaims.decode(payload);
        if (decoded.claims().isEmpty()) {
            return new Precheck.Failed("oidc: failed to unmarshal claims: " + decoded.problem());
        }
        IdTokenClaims claims = decoded.claims().get();
        for (String source : claims.claimNames().values()) {
            if (source.isEmpty()) {
                return new Precheck.Failed("oidc: failed to obtain source from claim name");
            }
            if (!claims.claimSources().contains(source)) {
                return new Precheck.Failed("oidc: source does not exist");
            }
        }
        if (!claims.issuer().equals(issuer)
                && !(issuer.equals(UnverifiedIssuer.GOOGLE) && claims.issuer().equals(UnverifiedIssuer.GOOGLE_NO_SCHEME))) {
            return new Precheck.Failed("oidc: id token issued by a different provider, expected "
                    + GoFormat.quote(issuer) + " got " + GoFormat.quote(claims.issuer()));
        }
        if (audiences.size() == 1 && !claims.audience().contains(audiences.get(0))) {
            return new Precheck.Failed("oidc: expected audience " + GoFormat.quote(audiences.get(0)) + " got "
                    + GoFormat.quoteList(claims.audience()));
        }
        Instant now = clock.instant();
        if (claims.expiry().map(exp -> exp.isBefore(now)).orElse(true)) {
            return new Precheck.Failed("oidc: token is expired (Token Expiry: " + GoFormat.time(claims.expiry()) + ")");
        }
        Optional<Instant> notBefore = claims.notBefore();
        if (notBefore.isPresent() && now.plus(NOT_BEFORE_LEEWAY).isBefore(notBefore.get())) {
            return new Precheck.Failed("oidc: current time " + GoFormat.time(Optional.of(now))
                    + " before the nbf (not before) time: " + GoFormat.time(notBefore));
        }
        if (!algorithms.contains(jws.algorithm())) {
            return new Precheck.Failed("oidc: id token signed with unsupported algorithm, expected "
                    + GoFormat.quoteList(algorithms) + " got " + GoFormat.quote(jws.algorithm()));
        }
        return new Precheck.Ready(jws, payload, claims);
    }

    /** kube-apiserver's check when several audiences are configured (go-oidc skips it then). */
    Optional<String> checkAudiences(IdTokenClaims claims) {
        if (audiences.size() <= 1 || claims.audience().stream().anyMatch(audiences::contains)) {
            return Optional.empty();
        }
        return Optional.of("oidc: expected audience in " + GoFormat.quoteList(new TreeSet<>(audiences)) + " got "
                + GoFormat.quoteList(claims.audience()));
    }
}
