package dev.gatehouse.kube.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An {@code audit.k8s.io/v1} Policy: which requests are audited, at what level and in which stages. Parse a policy
 * file with {@link #parse(String)} (kube-apiserver's {@code --audit-policy-file}) or use {@link #defaultPolicy()};
 * then ask {@link #evaluate(RequestAttributes)} for every request.
 *
 * @param rules             the rules, first match wins
 * @param omitStages        stages never written, whatever rule matches
 * @param omitManagedFields whether bodies are logged without {@code metadata.managedFields} unless a rule says
 *                          otherwise
 * @param warnings          problems the lenient decoder forgave (unknown fields), as upstream logs them
 */
public record AuditPolicy(List<PolicyRule> rules, Set<Stage> omitStages, boolean omitManagedFields,
                          List<String> warnings) {
    private static final Logger LOG = LoggerFactory.getLogger(AuditPolicy.class);

    private static final AuditPolicy DEFAULT = new AuditPolicy(List.of(PolicyRule.matchAll(Level.METADATA)),
            Set.of(), false, List.of());

    public AuditPolicy {
        rules = List.copyOf(rules);
        omitStages = omitStages == null ? Set.of() : Stages.ordered(omitStages);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Gatehouse's policy when no policy file is configured: every request at {@link Level#METADATA}. */
    public static AuditPolicy defaultPolicy() {
        return DEFAULT;
    }

    /**
     * Decodes and validates a policy document (YAML or JSON) the way upstream's {@code LoadPolicyFromBytes} does:
     * unknown fields are forgiven with a warning, {@code apiVersion} must be {@code audit.k8s.io/v1}, the rules must
     * validate and there must be at least one.
     *
     * @throws InvalidAuditPolicyException with upstream's message when kube-apiserver would reject the document
     */
    public static AuditPolicy parse(String document) {
        Objects.requireNonNull(document, "document");
        RawPolicy raw = PolicyDecoder.decode(document);
        for (String warning : raw.warnings()) {
            LOG.warn("Audit policy contains errors, falling back to lenient decoding: {}", warning);
        }
        List<PolicyFieldError> errors = PolicyValidator.validate(raw);
        if (!errors.isEmpty()) {
            throw new InvalidAuditPolicyException(PolicyValidator.aggregate(errors), errors);
        }
        if (raw.rules().isEmpty()) {
            throw new InvalidAuditPolicyException("loaded illegal policy with 0 rules");
        }
        return raw.toPolicy();
    }

    /**
     * Upstream {@code EvaluatePolicyRule}: the first matching rule decides the level; its stages are joined with the
     * policy-wide ones. Without a match the request is not audited ({@link Level#NONE}).
     */
    public RuleEvaluation evaluate(RequestAttributes request) {
        for (PolicyRule rule : rules) {
            if (RuleMatcher.matches(rule, request)) {
                return new RuleEvaluation(rule.level(), Stages.union(omitStages, rule.omitStages()),
                        rule.omitManagedFields().orElse(omitManagedFields));
            }
        }
        return new RuleEvaluation(Level.NONE, omitStages, omitManagedFields);
    }
}
