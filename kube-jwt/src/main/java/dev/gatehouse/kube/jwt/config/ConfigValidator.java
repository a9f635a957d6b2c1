package dev.gatehouse.kube.jwt.config;

import dev.gatehouse.kube.jwt.cel.AuthCel;
import dev.gatehouse.kube.jwt.cel.CelMapper;
import dev.gatehouse.kube.jwt.cel.ClaimReferences;
import dev.gatehouse.kube.jwt.cel.CompileOutcome;
import dev.gatehouse.kube.jwt.cel.CompiledExpression;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.AnonymousCondition;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.ClaimMappings;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.ClaimValidationRule;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.ExtraMapping;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.Jwt;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.PrefixedClaimOrExpression;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.UserValidationRule;
import dev.gatehouse.kube.jwt.internal.GoFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * kube-apiserver 1.32's {@code ValidateAuthenticationConfiguration} / {@code CompileAndValidateJWTAuthenticator}
 * (with the StructuredAuthenticationConfiguration and AnonymousAuthConfigurableEndpoints gates on, their 1.32
 * default). Errors appear in upstream's order with upstream's paths and messages; issuer-level checks live in
 * {@link IssuerValidation}.
 */
public final class ConfigValidator {

    private static final int MAX_JWT_AUTHENTICATORS = 64;
    private static final String EMAIL_VERIFIED_REQUIRED = "claims.email_verified must be used in "
            + "claimMappings.username.expression or claimMappings.extra[*].valueExpression or "
            + "claimValidationRules[*].expression when claims.email is used in claimMappings.username.expression";

    private ConfigValidator() {
    }

    /** The outcome of validating one JWT authenticator: its errors and, when valid, its compiled expressions. */
    public record JwtValidation(List<FieldError> errors, CelMapper mapper) {
    }

    static List<FieldError> validateConfiguration(AuthenticationConfiguration config, Set<String> disallowed) {
        FieldPath root = FieldPath.root("jwt");
        List<FieldError> errors = new ArrayList<>();
        if (config.jwt().size() > MAX_JWT_AUTHENTICATORS) {
            errors.add(FieldError.tooMany(root, config.jwt().size(), MAX_JWT_AUTHENTICATORS));
            return errors;
        }
        Set<String> seenIssuers = new HashSet<>();
        Set<String> seenDiscoveryUrls = new HashSet<>();
        for (int i = 0; i < config.jwt().size(); i++) {
            Jwt jwt = config.jwt().get(i);
            FieldPath path = root.index(i);
            errors.addAll(validateJwt(jwt, path, disallowed).errors());
            if (!seenIssuers.add(jwt.issuer().url())) {
                errors.add(FieldError.duplicate(path.child("issuer").child("url"), jwt.issuer().url()));
            }
            String discovery = jwt.issuer().discoveryURL();
            if (!discovery.isEmpty() && !seenDiscoveryUrls.add(discovery)) {
                errors.add(FieldError.duplicate(path.child("issuer").child("discoveryURL"), discovery));
            }
        }
        config.anonymous().ifPresent(anonymous -> {
            if (!anonymous.enabled() && !anonymous.conditions().isEmpty()) {
                errors.add(FieldError.invalidRendered(FieldPath.root("anonymous").child("conditions"),
                        renderConditions(anonymous.conditions()),
                        "enabled should be set to true when conditions are defined"));
            }
        });
        return errors;
    }

    /** Go's {@code %#v} of the internal condition slice. */
    private static String renderConditions(List<AnonymousCondition> conditions) {
        return conditions.stream()
                .map(c -> "apiserver.AnonymousAuthCondition{Path:" + GoFormat.quote(c.path()) + "}")
                .collect(Collectors.joining(", ", "[]apiserver.AnonymousAuthCondition{", "}"));
    }

    /**
     * Validates one authenticator and compiles its expressions. With {@link FieldPath#none()} the paths start at
     * {@code issuer}, as in upstream's {@code oidc.New} errors.
     */
    public static JwtValidation validateJwt(Jwt jwt, FieldPath path, Set<String> disallowedIssuers) {
        Builder state = new Builder();
        List<FieldError> errors = new ArrayList<>(
                IssuerValidation.validate(jwt.issuer(), path.child("issuer"), disallowedIssuers));
        errors.addAll(claimValidationRules(state, jwt.claimValidationRules(), path.child("claimValidationRules")));
        errors.addAll(claimMappings(state, jwt.claimMappings(), path.child("claimMappings")));
        errors.addAll(userValidationRules(state, jwt.userValidationRules(), path.child("userValidationRules")));
        return new JwtValidation(errors, state.build());
    }

    /** Accumulates compiled expressions and the email / email_verified usage upstream tracks across sections. */
    private static final class Builder {
        Optional<CompiledExpression> username = Optional.empty();
        Optional<CompiledExpression> groups = Optional.empty();
        Optional<CompiledExpression> uid = Optional.empty();
        final List<CelMapper.Extra> extra = new ArrayList<>();
        final List<CelMapper.Rule> claimRules = new ArrayList<>();
        final List<CelMapper.Rule> userRules = new ArrayList<>();
        boolean usesEmail;
        boolean usesEmailVerified;

        CelMapper build() {
            return new CelMapper(username, groups, uid, extra, claimRules, userRules);
        }
    }

    private static List<FieldError> claimValidationRules(Builder state, List<ClaimValidationRule> rules,
                                                         FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seenClaims = new HashSet<>();
        Set<String> seenExpressions = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            ClaimValidationRule rule = rules.get(i);
            FieldPath rulePath = path.index(i);
            boolean hasClaim = !rule.claim().isEmpty();
            boolean hasExpression = !rule.expression().isEmpty();
            if (hasClaim && hasExpression) {
                errors.add(FieldError.invalid(rulePath, rule.claim(), "claim and expression can't both be set"));
            } else if (!hasClaim && !hasExpression) {
                errors.add(FieldError.required(rulePath, "claim or expression is required"));
            } else if (hasClaim) {
                if (!rule.message().isEmpty()) {
                    errors.add(FieldError.invalid(rulePath.child("message"), rule.message(),
                            "message can't be set when claim is set"));
                }
                if (!seenClaims.add(rule.claim())) {
                    errors.add(FieldError.duplicate(rulePath.child("claim"), rule.claim()));
                }
            } else {
                if (!rule.requiredValue().isEmpty()) {
                    errors.add(FieldError.invalid(rulePath.child("requiredValue"), rule.requiredValue(),
                            "requiredValue can't be set when expression is set"));
                }
                if (!seenExpressions.add(rule.expression())) {
                    errors.add(FieldError.duplicate(rulePath.child("expression"), rule.expression()));
                    continue;
                }
                compile(AuthCel.Variable.CLAIMS, rule.expression(), AuthCel.ReturnType.BOOL,
                        rulePath.child("expression"), errors)
                        .ifPresent(c -> {
                            state.claimRules.add(new CelMapper.Rule(c, rule.message()));
                            state.usesEmailVerified |= ClaimReferences.selects(c, "claims", "email_verified");
                        });
            }
        }
        return errors;
    }

    private static List<FieldError> claimMappings(Builder state, ClaimMappings m, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        List<FieldError> usernameErrors = new ArrayList<>();
        Optional<CompiledExpression> username = prefixedClaimOrExpression(m.username(), path.child("username"),
                true, usernameErrors);
        errors.addAll(usernameErrors);
        if (usernameErrors.isEmpty() && username.isPresent()) {
            state.usesEmail |= ClaimReferences.selects(username.get(), "claims", "email");
            state.usesEmailVerified |= ClaimReferences.selects(username.get(), "claims", "email_verified");
            state.username = username;
        }
        List<FieldError> groupErrors = new ArrayList<>();
        Optional<CompiledExpression> groups = prefixedClaimOrExpression(m.groups(), path.child("groups"), false,
                groupErrors);
        errors.addAll(groupErrors);
        if (groupErrors.isEmpty()) {
            state.groups = groups;
        }
        boolean uidClaim = !m.uid().claim().isEmpty();
        boolean uidExpression = !m.uid().expression().isEmpty();
        if (uidClaim && uidExpression) {
            errors.add(FieldError.invalid(path.child("uid"), "", "claim and expression can't both be set"));
        } else if (uidExpression) {
            state.uid = compile(AuthCel.Variable.CLAIMS, m.uid().expression(), AuthCel.ReturnType.ANY,
                    path.child("uid").child("expression"), errors);
        }
        extraMappings(state, m.extra(), path.child("extra"), errors);
        if (state.usesEmail && !state.usesEmailVerified) {
            errors.add(FieldError.invalid(path.child("username").child("expression"), m.username().expression(),
                    EMAIL_VERIFIED_REQUIRED));
        }
        return errors;
    }

    private static void extraMappings(Builder state, List<ExtraMapping> extra, FieldPath path,
                                      List<FieldError> errors) {
        Set<String> seenKeys = new HashSet<>();
        for (int i = 0; i < extra.size(); i++) {
            ExtraMapping mapping = extra.get(i);
            FieldPath keyPath = path.index(i).child("key");
            errors.addAll(IssuerValidation.domainPrefixedPath(keyPath, mapping.key()));
            if (!mapping.key().equals(mapping.key().toLowerCase(Locale.ROOT))) {
                errors.add(FieldError.invalid(keyPath, mapping.key(), "key must be lowercase"));
            }
            if (isKubernetesDomainPrefix(mapping.key())) {
                errors.add(FieldError.invalid(keyPath, mapping.key(),
                        "k8s.io, kubernetes.io and their subdomains are reserved for Kubernetes use"));
            }
            if (!seenKeys.add(mapping.key())) {
                errors.add(FieldError.duplicate(keyPath, mapping.key()));
                continue;
            }
            if (mapping.valueExpression().isEmpty()) {
                errors.add(FieldError.required(path.index(i).child("valueExpression"), "valueExpression is required"));
                continue;
            }
            compile(AuthCel.Variable.CLAIMS, mapping.valueExpression(), AuthCel.ReturnType.ANY,
                    path.index(i).child("valueExpression"), errors)
                    .ifPresent(c -> {
                        state.extra.add(new CelMapper.Extra(mapping.key(), c));
                        state.usesEmailVerified |= ClaimReferences.selects(c, "claims", "email_verified");
                    });
        }
    }

    private static boolean isKubernetesDomainPrefix(String key) {
        int slash = key.indexOf('/');
        String domain = slash < 0 ? "" : key.substring(0, slash);
        return domain.equals("kubernetes.io") || domain.endsWith(".kubernetes.io")
                || domain.equals("k8s.io") || domain.endsWith(".k8s.io");
    }

    private static Optional<CompiledExpression> prefixedClaimOrExpression(PrefixedClaimOrExpression mapping,
                                                                          FieldPath path, boolean required,
                                                                          List<FieldError> errors) {
        boolean hasClaim = !mapping.claim().isEmpty();
        boolean hasExpression = !mapping.expression().isEmpty();
        if (hasClaim && hasExpression) {
            errors.add(FieldError.invalid(path, "", "claim and expression can't both be set"));
        } else if (!hasClaim && !hasExpression && required) {
            errors.add(FieldError.required(path, "claim or expression is required"));
        } else if (hasExpression) {
            mapping.prefix().ifPresent(prefix -> errors.add(FieldError.invalid(path.child("prefix"), prefix,
                    "prefix can't be set when expression is set")));
            return compile(AuthCel.Variable.CLAIMS, mapping.expression(), AuthCel.ReturnType.ANY,
                    path.child("expression"), errors);
        } else if (hasClaim && mapping.prefix().isEmpty()) {
            errors.add(FieldError.required(path.child("prefix"),
                    "prefix is required when claim is set. It can be set to an empty string to disable prefixing"));
        }
        return Optional.empty();
    }

    private static List<FieldError> userValidationRules(Builder state, List<UserValidationRule> rules,
                                                        FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            UserValidationRule rule = rules.get(i);
            FieldPath expressionPath = path.index(i).child("expression");
            if (rule.expression().isEmpty()) {
                errors.add(FieldError.required(expressionPath, "expression is required"));
                continue;
            }
            if (!seen.add(rule.expression())) {
                errors.add(FieldError.duplicate(expressionPath, rule.expression()));
                continue;
            }
            compile(AuthCel.Variable.USER, rule.expression(), AuthCel.ReturnType.BOOL, expressionPath, errors)
                    .ifPresent(c -> state.userRules.add(new CelMapper.Rule(c, rule.message())));
        }
        return errors;
    }

    /** Compiles, turning a failure into upstream's field error ({@code convertCELErrorToValidationError}). */
    private static Optional<CompiledExpression> compile(AuthCel.Variable variable, String expression,
                                                        AuthCel.ReturnType returnType, FieldPath path,
                                                        List<FieldError> errors) {
        CompileOutcome outcome = AuthCel.shared().compile(variable, expression, returnType);
        if (outcome instanceof CompileOutcome.Compiled compiled) {
            return Optional.of(compiled.expression());
        }
        CompileOutcome.Failed failed = (CompileOutcome.Failed) outcome;
        errors.add(switch (failed.kind()) {
            case REQUIRED -> FieldError.required(path, failed.detail());
            case INVALID -> FieldError.invalid(path, expression, failed.detail());
            case INTERNAL -> FieldError.internal(path, failed.detail());
        });
        return Optional.empty();
    }
}
