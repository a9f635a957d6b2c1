package dev.gatehouse.kube.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Upstream {@code ValidatePolicy} (pkg/apis/audit/validation) with its messages, in its order. */
final class PolicyValidator {
    private static final List<String> LEVELS = Arrays.stream(Level.values()).map(Level::wireName).toList();
    private static final List<String> STAGES = Arrays.stream(Stage.values()).map(Stage::wireName).toList();

    private static final String DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1123_SUBDOMAIN = DNS1123_LABEL + "(\\." + DNS1123_LABEL + ")*";
    private static final Pattern DNS1123_SUBDOMAIN_PATTERN = Pattern.compile(DNS1123_SUBDOMAIN);
    private static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
    private static final String DNS1123_SUBDOMAIN_MESSAGE = "a lowercase RFC 1123 subdomain must consist of lower "
            + "case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
            + "(e.g. 'example.com', regex used for validation is '" + DNS1123_SUBDOMAIN + "')";

    private PolicyValidator() {
    }

    static List<PolicyFieldError> validate(RawPolicy policy) {
        List<PolicyFieldError> errors = new ArrayList<>();
        validateOmitStages(policy.omitStages(), "omitStages", errors);
        for (int i = 0; i < policy.rules().size(); i++) {
            validateRule(policy.rules().get(i), "rules[" + i + "]", errors);
        }
        return errors;
    }

    /**
     * Upstream {@code utilerrors.NewAggregate(...).Error()}: one message alone, several de-duplicated, joined with
     * {@code ", "} and bracketed.
     */
    static String aggregate(List<PolicyFieldError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).message();
        }
        Set<String> distinct = errors.stream().map(PolicyFieldError::message)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String joined = String.join(", ", distinct);
        return distinct.size() == 1 ? joined : "[" + joined + "]";
    }

    private static void validateRule(RawPolicy.Rule rule, String path, List<PolicyFieldError> errors) {
        validateLevel(rule.level(), path + ".level", errors);
        validateNonResourceURLs(rule.nonResourceURLs(), path + ".nonResourceURLs", errors);
        validateResources(rule.resources(), path + ".resources", errors);
        validateOmitStages(rule.omitStages(), path + ".omitStages", errors);
        if (!rule.nonResourceURLs().isEmpty() && (!rule.resources().isEmpty() || !rule.namespaces().isEmpty())) {
            errors.add(invalid(path + ".nonResourceURLs", GoText.goSyntax(rule.nonResourceURLs()),
                    "rules cannot apply to both regular resources and non-resource URLs"));
        }
    }

    private static void validateLevel(String level, String path, List<PolicyFieldError> errors) {
        if (level.isEmpty()) {
            errors.add(new PolicyFieldError(path, "Required value"));
        } else if (Level.fromWireName(level).isEmpty()) {
            String supported = LEVELS.stream().map(GoText::quote).collect(Collectors.joining(", "));
            errors.add(new PolicyFieldError(path,
                    "Unsupported value: " + GoText.quote(level) + ": supported values: " + supported));
        }
    }

    private static void validateNonResourceURLs(List<String> urls, String path, List<PolicyFieldError> errors) {
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            if (url.equals("*")) {
                continue;
            }
            String itemPath = path + "[" + i + "]";
            if (!url.startsWith("/")) {
                errors.add(invalid(itemPath, GoText.quote(url), "non-resource URL rules must begin with a '/' character"));
            }
            if (!url.isEmpty() && url.substring(0, url.length() - 1).contains("*")) {
                errors.add(invalid(itemPath, GoText.quote(url),
                        "non-resource URL wildcards '*' must be the final character of the rule"));
            }
        }
    }

    private static void validateResources(List<GroupResources> resources, String path, List<PolicyFieldError> errors) {
        for (GroupResources groupResources : resources) {
            String group = groupResources.group();
            // The empty group is the core API group. Note upstream's paths carry no index here.
            if (!group.isEmpty()) {
                List<String> problems = new ArrayList<>();
                if (group.length() > DNS1123_SUBDOMAIN_MAX_LENGTH) {
                    problems.add("must be no more than " + DNS1123_SUBDOMAIN_MAX_LENGTH + " characters");
                }
                if (!DNS1123_SUBDOMAIN_PATTERN.matcher(group).matches()) {
                    problems.add(DNS1123_SUBDOMAIN_MESSAGE);
                }
                if (!problems.isEmpty()) {
                    errors.add(invalid(path + ".group", GoText.quote(group), String.join(",", problems)));
                }
            }
            if (!groupResources.resourceNames().isEmpty() && groupResources.resources().isEmpty()) {
                errors.add(invalid(path + ".resourceNames", GoText.goSyntax(groupResources.resourceNames()),
                        "using resourceNames requires at least one resource"));
            }
        }
    }

    private static void validateOmitStages(List<String> stages, String path, List<PolicyFieldError> errors) {
        for (int i = 0; i < stages.size(); i++) {
            String stage = stages.get(i);
            if (Stage.fromWireName(stage).isEmpty()) {
                errors.add(invalid(path + "[" + i + "]", GoText.quote(stage),
                        "allowed stages are " + String.join(",", STAGES)));
            }
        }
    }

    private static PolicyFieldError invalid(String path, String renderedValue, String detail) {
        return new PolicyFieldError(path, "Invalid value: " + renderedValue + ": " + detail);
    }
}
