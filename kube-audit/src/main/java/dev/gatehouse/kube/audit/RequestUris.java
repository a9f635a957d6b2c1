package dev.gatehouse.kube.audit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Keeps bearer tokens out of the logged request URI. Upstream logs the URI verbatim; some clients still put a token
 * in an {@code access_token} query parameter (upstream's failed-authentication audit even looks for it), so
 * Gatehouse replaces that parameter's value.
 */
final class RequestUris {
    private static final String PARAMETER = "access_token";

    private RequestUris() {
    }

    static String redactAccessToken(String requestUri) {
        int query = requestUri.indexOf('?');
        // Cheap pre-check; "access" also covers a percent-encoded underscore.
        if (query < 0 || !requestUri.contains("access")) {
            return requestUri;
        }
        StringBuilder out = new StringBuilder(requestUri.length()).append(requestUri, 0, query + 1);
        String[] parameters = requestUri.substring(query + 1).split("&", -1);
        for (int i = 0; i < parameters.length; i++) {
            if (i > 0) {
                out.append('&');
            }
            String parameter = parameters[i];
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (equals >= 0 && decode(name).equals(PARAMETER)) {
                out.append(name).append('=').append(BodyScrubber.REDACTED);
            } else {
                out.append(parameter);
            }
        }
        return out.toString();
    }

    /** Servers decode parameter names, so {@code access%5Ftoken} is the same parameter. */
    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }
}
