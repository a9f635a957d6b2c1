package dev.gatehouse.kube.jwt.cel;

import java.util.List;
import java.util.Optional;

/**
 * The compiled CEL expressions of one JWT authenticator (upstream's {@code CELMapper}); absent/empty where the
 * configuration uses claims instead of expressions.
 */
public record CelMapper(Optional<CompiledExpression> username, Optional<CompiledExpression> groups,
                        Optional<CompiledExpression> uid, List<Extra> extra,
                        List<Rule> claimValidationRules, List<Rule> userValidationRules) {

    public static final CelMapper EMPTY = new CelMapper(Optional.empty(), Optional.empty(), Optional.empty(),
            List.of(), List.of(), List.of());

    public CelMapper {
        extra = List.copyOf(extra);
        claimValidationRules = List.copyOf(claimValidationRules);
        userValidationRules = List.copyOf(userValidationRules);
    }

    /** Whether any expression reads {@code claims} (then the claims are converted for CEL). */
    public boolean usesClaims() {
        return username.isPresent() || groups.isPresent() || uid.isPresent() || !extra.isEmpty()
                || !claimValidationRules.isEmpty();
    }

    /** {@code claimMappings.extra[]} with its key. */
    public record Extra(String key, CompiledExpression expression) {
    }

    /** A validation rule with the message reported when it evaluates to false. */
    public record Rule(CompiledExpression expression, String message) {
    }
}
