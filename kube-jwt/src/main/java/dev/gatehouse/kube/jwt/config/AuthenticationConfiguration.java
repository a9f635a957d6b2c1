package dev.gatehouse.kube.jwt.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * kube-apiserver's {@code --authentication-config} file, {@code apiserver.config.k8s.io} kind
 * {@code AuthenticationConfiguration}. Kubernetes 1.32 registers it in {@code v1alpha1} and {@code v1beta1} (the two
 * are field-for-field identical); {@code v1} only arrives in 1.34 and is refused here as 1.32 refuses it.
 *
 * <p>Absent strings are empty, as in the Go structs; only {@code prefix} distinguishes absent from empty.
 *
 * @param apiVersion the apiVersion the document was written in
 * @param jwt        the JWT authenticators, in the order they are tried
 * @param anonymous  the optional anonymous block
 */
public record AuthenticationConfiguration(String apiVersion, List<Jwt> jwt, Optional<Anonymous> anonymous) {

    public static final String GROUP = "apiserver.config.k8s.io";
    public static final String KIND = "AuthenticationConfiguration";
    /** The versions kube-apiserver 1.32 decodes AuthenticationConfiguration from. */
    public static final Set<String> SUPPORTED_VERSIONS = Set.of("v1alpha1", "v1beta1");

    public AuthenticationConfiguration {
        jwt = List.copyOf(jwt);
    }

    /**
     * Decodes (strictly, as kube-apiserver does) and validates a configuration file.
     *
     * @throws ConfigurationException with upstream's message when the document cannot be decoded or is invalid
     */
    public static AuthenticationConfiguration parse(String yamlOrJson) {
        return parse(yamlOrJson, Set.of());
    }

    /**
     * As {@link #parse(String)}; {@code disallowedIssuers} are issuer URLs no JWT authenticator may use (kube-apiserver
     * passes its service account issuers).
     */
    public static AuthenticationConfiguration parse(String yamlOrJson, Set<String> disallowedIssuers) {
        AuthenticationConfiguration config = ConfigDecoder.decode(yamlOrJson);
        List<FieldError> errors = config.validate(disallowedIssuers);
        if (!errors.isEmpty()) {
            throw new ConfigurationException(errors);
        }
        return config;
    }

    /**
     * Decodes strictly without validating (validation is {@link #validate(Set)}).
     *
     * @throws ConfigurationException with upstream's decoding message
     */
    public static AuthenticationConfiguration decode(String yamlOrJson) {
        return ConfigDecoder.decode(yamlOrJson);
    }

    /** Upstream's {@code ValidateAuthenticationConfiguration}; empty when valid. Compiles every CEL expression. */
    public List<FieldError> validate(Set<String> disallowedIssuers) {
        return ConfigValidator.validateConfiguration(this, disallowedIssuers);
    }

    /** One entry of {@code jwt}. */
    public record Jwt(Issuer issuer, List<ClaimValidationRule> claimValidationRules, ClaimMappings claimMappings,
                      List<UserValidationRule> userValidationRules) {
        public Jwt {
            claimValidationRules = List.copyOf(claimValidationRules);
            userValidationRules = List.copyOf(userValidationRules);
        }
    }

    /** {@code jwt[].issuer}. */
    public record Issuer(String url, String discoveryURL, String certificateAuthority, List<String> audiences,
                         String audienceMatchPolicy) {
        public static final String MATCH_ANY = "MatchAny";

        public Issuer {
            audiences = List.copyOf(audiences);
        }
    }

    /** {@code jwt[].claimValidationRules[]}: either claim + requiredValue or expression + message. */
    public record ClaimValidationRule(String claim, String requiredValue, String expression, String message) {
    }

    /** {@code jwt[].claimMappings}. */
    public record ClaimMappings(PrefixedClaimOrExpression username, PrefixedClaimOrExpression groups,
                                ClaimOrExpression uid, List<ExtraMapping> extra) {
        public ClaimMappings {
            extra = List.copyOf(extra);
        }
    }

    /** A claim with a prefix (absent and "" differ), or a CEL expression. */
    public record PrefixedClaimOrExpression(String claim, Optional<String> prefix, String expression) {
        public static final PrefixedClaimOrExpression EMPTY = new PrefixedClaimOrExpression("", Optional.empty(), "");
    }

    /** A claim or a CEL expression. */
    public record ClaimOrExpression(String claim, String expression) {
        public static final ClaimOrExpression EMPTY = new ClaimOrExpression("", "");
    }

    /** {@code claimMappings.extra[]}. */
    public record ExtraMapping(String key, String valueExpression) {
    }

    /** {@code jwt[].userValidationRules[]}. */
    public record UserValidationRule(String expression, String message) {
    }

    /** {@code anonymous}. */
    public record Anonymous(boolean enabled, List<AnonymousCondition> conditions) {
        public Anonymous {
            conditions = List.copyOf(conditions);
        }
    }

    /** {@code anonymous.conditions[]}. */
    public record AnonymousCondition(String path) {
    }
}
