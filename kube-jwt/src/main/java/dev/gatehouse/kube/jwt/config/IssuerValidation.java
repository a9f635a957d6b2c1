package dev.gatehouse.kube.jwt.config;

import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.Issuer;
import dev.gatehouse.kube.jwt.internal.GoFormat;
import dev.gatehouse.kube.jwt.internal.GoUrl;
import dev.gatehouse.kube.jwt.internal.Pem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Upstream's {@code validateIssuer} and the apimachinery helpers it relies on. */
final class IssuerValidation {

    private static final String DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1123_SUBDOMAIN = DNS1123_LABEL + "(\\." + DNS1123_LABEL + ")*";
    private static final Pattern DNS1123_SUBDOMAIN_PATTERN = Pattern.compile("^" + DNS1123_SUBDOMAIN + "$");
    private static final String DNS1123_SUBDOMAIN_MESSAGE = "a lowercase RFC 1123 subdomain must consist of lower "
            + "case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
            + "(e.g. 'example.com', regex used for validation is '" + DNS1123_SUBDOMAIN + "')";
    private static final String HTTP_PATH = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
    private static final Pattern HTTP_PATH_PATTERN = Pattern.compile("^" + HTTP_PATH + "$");

    private IssuerValidation() {
    }

    static List<FieldError> validate(Issuer issuer, FieldPath path, Set<String> disallowedIssuers) {
        List<FieldError> errors = new ArrayList<>();
        FieldPath urlPath = path.child("url");
        if (issuer.url().isEmpty()) {
            errors.add(FieldError.required(urlPath, "URL is required"));
        } else {
            errors.addAll(url(issuer.url(), disallowedIssuers, urlPath));
        }
        errors.addAll(discoveryUrl(issuer.url(), issuer.discoveryURL(), path.child("discoveryURL")));
        errors.addAll(audiences(issuer, path.child("audiences"), path.child("audienceMatchPolicy")));
        if (!issuer.certificateAuthority().isEmpty()) {
            try {
                Pem.certificates(issuer.certificateAuthority());
            } catch (Pem.PemException e) {
                errors.add(FieldError.invalid(path.child("certificateAuthority"), "<omitted>", e.getMessage()));
            }
        }
        return errors;
    }

    private static List<FieldError> discoveryUrl(String issuerUrl, String discoveryUrl, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        if (discoveryUrl.isEmpty()) {
            return errors;
        }
        if (!issuerUrl.isEmpty() && trimTrailingSlashes(issuerUrl).equals(trimTrailingSlashes(discoveryUrl))) {
            errors.add(FieldError.invalid(path, discoveryUrl, "discoveryURL must be different from URL"));
        }
        // The discovery URL is not an issuer, so the disallowed issuers do not apply to it.
        errors.addAll(url(discoveryUrl, Set.of(), path));
        return errors;
    }

    private static String trimTrailingSlashes(String s) {
        return s.replaceAll("/+$", "");
    }

    private static List<FieldError> url(String url, Set<String> disallowedIssuers, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        if (disallowedIssuers.contains(url)) {
            errors.add(FieldError.invalid(path, url, "URL must not overlap with disallowed issuers: "
                    + GoFormat.plainList(new TreeSet<>(disallowedIssuers))));
        }
        GoUrl parsed;
        try {
            parsed = GoUrl.parse(url);
        } catch (GoUrl.ParseException e) {
            errors.add(FieldError.invalid(path, url, e.getMessage()));
            return errors;
        }
        if (!parsed.scheme().equals("https")) {
            errors.add(FieldError.invalid(path, url, "URL scheme must be https"));
        }
        if (parsed.hasUser()) {
            errors.add(FieldError.invalid(path, url, "URL must not contain a username or password"));
        }
        if (!parsed.rawQuery().isEmpty()) {
            errors.add(FieldError.invalid(path, url, "URL must not contain a query"));
        }
        if (!parsed.fragment().isEmpty()) {
            errors.add(FieldError.invalid(path, url, "URL must not contain a fragment"));
        }
        return errors;
    }

    private static List<FieldError> audiences(Issuer issuer, FieldPath path, FieldPath policyPath) {
        List<FieldError> errors = new ArrayList<>();
        List<String> audiences = issuer.audiences();
        if (audiences.isEmpty()) {
            errors.add(FieldError.required(path, "at least one " + path + " is required"));
            return errors;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < audiences.size(); i++) {
            String audience = audiences.get(i);
            if (audience.isEmpty()) {
                errors.add(FieldError.required(path.index(i), "audience can't be empty"));
            }
            if (!seen.add(audience)) {
                errors.add(FieldError.duplicate(path.index(i), audience));
            }
        }
        String policy = issuer.audienceMatchPolicy();
        if (audiences.size() > 1 && !policy.equals(Issuer.MATCH_ANY)) {
            errors.add(FieldError.invalid(policyPath, policy, "audienceMatchPolicy must be MatchAny for multiple audiences"));
        }
        if (audiences.size() == 1 && !policy.isEmpty() && !policy.equals(Issuer.MATCH_ANY)) {
            errors.add(FieldError.invalid(policyPath, policy,
                    "audienceMatchPolicy must be empty or MatchAny for single audience"));
        }
        return errors;
    }

    /** apimachinery's {@code IsDomainPrefixedPath}. */
    static List<FieldError> domainPrefixedPath(FieldPath path, String value) {
        List<FieldError> errors = new ArrayList<>();
        if (value.isEmpty()) {
            errors.add(FieldError.required(path, ""));
            return errors;
        }
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            errors.add(FieldError.invalid(path, value, "must be a domain-prefixed path (such as \"acme.io/foo\")"));
            return errors;
        }
        String host = value.substring(0, slash);
        if (host.length() > 253) {
            errors.add(FieldError.invalid(path, host, "must be no more than 253 characters"));
        }
        if (!DNS1123_SUBDOMAIN_PATTERN.matcher(host).matches()) {
            errors.add(FieldError.invalid(path, host, DNS1123_SUBDOMAIN_MESSAGE));
        }
        String rest = value.substring(slash + 1);
        if (!HTTP_PATH_PATTERN.matcher(rest).matches()) {
            errors.add(FieldError.invalid(path, rest,
                    "Invalid path (regex used for validation is '" + HTTP_PATH + "')"));
        }
        return errors;
    }
}
