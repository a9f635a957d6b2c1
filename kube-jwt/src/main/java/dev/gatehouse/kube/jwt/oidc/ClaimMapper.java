package dev.gatehouse.kube.jwt.oidc;

import dev.gatehouse.kube.jwt.TokenAuthenticationResult;
import dev.gatehouse.kube.jwt.cel.CelMapper;
import dev.gatehouse.kube.jwt.cel.CelValues;
import dev.gatehouse.kube.jwt.cel.CompiledExpression;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.ClaimMappings;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.ClaimValidationRule;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.Jwt;
import dev.gatehouse.kube.jwt.internal.GoFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the verified claims of a token into a user, in upstream's order: username, groups, uid, extra, required
 * claims, claim validation rules, user validation rules. Every failure message is upstream's.
 */
final class ClaimMapper {

    /** The extra key upstream sets from a string {@code jti} claim. */
    static final String CREDENTIAL_ID_KEY = "authentication.kubernetes.io/credential-id";

    private final Jwt config;
    private final CelMapper cel;

    ClaimMapper(Jwt config, CelMapper cel) {
        this.config = config;
        this.cel = cel;
    }

    /** A mapping step failed; the message is the whole reason upstream would return. */
    private static final class MappingException extends Exception {
        MappingException(String message) {
            super(message);
        }
    }

    TokenAuthenticationResult map(ClaimSet claims) {
        try {
            String username = username(claims);
            List<String> groups = groups(claims);
            String uid = uid(claims);
            Map<String, List<String>> extra = extra(claims);
            requiredClaims(claims);
            claimValidationRules(claims);
            userValidationRules(username, uid, groups, extra);
            return new TokenAuthenticationResult.Authenticated(username, uid, groups, extra);
        } catch (MappingException e) {
            return new TokenAuthenticationResult.Rejected(e.getMessage());
        }
    }

    private String username(ClaimSet claims) throws MappingException {
        if (cel.username().isPresent()) {
            String prefix = "oidc: error evaluating username claim expression: ";
            Object value = evaluate(cel.username().get(), claims.celValue(), prefix);
            if (!(value instanceof String username)) {
                throw new MappingException(prefix + "username claim expression must return a string");
            }
            if (username.isEmpty()) {
                throw new MappingException("oidc: empty username via CEL expression is not allowed");
            }
            return username;
        }
        ClaimMappings mappings = config.claimMappings();
        String claim = mappings.username().claim();
        String username;
        try {
            username = claims.string(claim);
        } catch (ClaimSet.ClaimException e) {
            throw new MappingException("oidc: parse username claims " + GoFormat.quote(claim) + ": " + e.getMessage());
        }
        // Upstream honours email_verified only for the plain "email" claim; expressions must check it themselves.
        if (claim.equals("email") && claims.has("email_verified")) {
            boolean verified;
            try {
                verified = claims.bool("email_verified");
            } catch (ClaimSet.ClaimException e) {
                throw new MappingException("oidc: parse 'email_verified' claim: " + e.getMessage());
            }
            if (!verified) {
                throw new MappingException("oidc: email not verified");
            }
        }
        return mappings.username().prefix().filter(p -> !p.isEmpty()).map(p -> p + username).orElse(username);
    }

    private List<String> groups(ClaimSet claims) throws MappingException {
        String claim = config.claimMappings().groups().claim();
        if (!claim.isEmpty() && claims.has(claim)) {
            List<String> groups;
            try {
                groups = claims.stringOrArray(claim);
            } catch (ClaimSet.ClaimException e) {
                throw new MappingException("oidc: parse groups claim " + GoFormat.quote(claim) + ": " + e.getMessage());
            }
            Optional<String> prefix = config.claimMappings().groups().prefix().filter(p -> !p.isEmpty());
            return prefix.map(p -> groups.stream().map(g -> p + g).toList()).orElse(groups);
        }
        if (cel.groups().isEmpty()) {
            return List.of();
        }
        String prefix = "oidc: error evaluating group claim expression: ";
        Object value = evaluate(cel.groups().get(), claims.celValue(), prefix);
        return CelValues.toStringList(value).orElseThrow(
                () -> new MappingException(prefix + "expression must return a string or a list of strings"));
    }

    private String uid(ClaimSet claims) throws MappingException {
        String claim = config.claimMappings().uid().claim();
        if (!claim.isEmpty()) {
            try {
                return claims.string(claim);
            } catch (ClaimSet.ClaimException e) {
                throw new MappingException("oidc: parse uid claim " + GoFormat.quote(claim) + ": " + e.getMessage());
            }
        }
        if (cel.uid().isEmpty()) {
            return "";
        }
        String prefix = "oidc: error evaluating uid claim expression: ";
        Object value = evaluate(cel.uid().get(), claims.celValue(), prefix);
        if (!(value instanceof String uid)) {
            throw new MappingException(prefix + "uid claim expression must return a string");
        }
        return uid;
    }

    private Map<String, List<String>> extra(ClaimSet claims) throws MappingException {
        Map<String, List<String>> extra = new LinkedHashMap<>();
        if (claims.has("jti")) {
            try {
                String jti = claims.string("jti");
                if (!jti.isEmpty()) {
                    extra.put(CREDENTIAL_ID_KEY, List.of("JTI=" + jti));
                }
            } catch (ClaimSet.ClaimException nonStringJti) {
                // A jti that is not a string simply yields no credential id.
            }
        }
        // Upstream evaluates every extra expression before converting any result, and returns evaluation errors
        // without an "oidc:" prefix.
        List<Object> values = new ArrayList<>();
        for (CelMapper.Extra mapping : cel.extra()) {
            values.add(evaluate(mapping.expression(), claims.celValue(), ""));
        }
        for (int i = 0; i < values.size(); i++) {
            CelMapper.Extra mapping = cel.extra().get(i);
            List<String> strings = CelValues.toStringList(values.get(i)).orElseThrow(() -> new MappingException(
                    "oidc: error evaluating extra claim expression: " + mapping.expression().expression()
                            + ": expression must return a string or a list of strings"));
            if (!strings.isEmpty()) {
                extra.put(mapping.key(), strings);
            }
        }
        return extra;
    }

    private void requiredClaims(ClaimSet claims) throws MappingException {
        for (ClaimValidationRule rule : config.claimValidationRules()) {
            if (rule.claim().isEmpty()) {
                continue;
            }
            String claim = rule.claim();
            if (!claims.has(claim)) {
                throw new MappingException("oidc: required claim " + claim + " not present in ID token");
            }
            String value;
            try {
                value = claims.string(claim);
            } catch (ClaimSet.ClaimException e) {
                throw new MappingException("oidc: parse claim " + claim + ": " + e.getMessage());
            }
            if (!value.equals(rule.requiredValue())) {
                throw new MappingException("oidc: required claim " + claim + " value does not match. Got = " + value
                        + ", want = " + rule.requiredValue());
            }
        }
    }

    private void claimValidationRules(ClaimSet claims) throws MappingException {
        if (!cel.claimValidationRules().isEmpty()) {
            checkRules(cel.claimValidationRules(), claims.celValue(),
                    "oidc: error evaluating claim validation expression: ");
        }
    }

    private void userValidationRules(String username, String uid, List<String> groups,
                                     Map<String, List<String>> extra) throws MappingException {
        if (!cel.userValidationRules().isEmpty()) {
            checkRules(cel.userValidationRules(), CelValues.user(username, uid, groups, extra),
                    "oidc: error evaluating user info validation rule: ");
        }
    }

    /** All rules are evaluated first, then checked in order (so an evaluation error wins over a false rule). */
    private static void checkRules(List<CelMapper.Rule> rules, Object input, String prefix) throws MappingException {
        List<Object> results = new ArrayList<>();
        for (CelMapper.Rule rule : rules) {
            results.add(evaluate(rule.expression(), input, prefix));
        }
        for (int i = 0; i < rules.size(); i++) {
            if (!(results.get(i) instanceof Boolean passed)) {
                throw new MappingException(prefix + "validation expression must return a boolean");
            }
            if (!passed) {
                CelMapper.Rule rule = rules.get(i);
                throw new MappingException(prefix + "validation expression '" + rule.expression().expression()
                        + "' failed: " + rule.message());
            }
        }
    }

    private static Object evaluate(CompiledExpression expression, Object input, String prefix)
            throws MappingException {
        CompiledExpression.EvalOutcome outcome = expression.evaluate(input);
        if (outcome instanceof CompiledExpression.EvalOutcome.Value value) {
            return value.value();
        }
        throw new MappingException(prefix + ((CompiledExpression.EvalOutcome.Failed) outcome).message());
    }
}
