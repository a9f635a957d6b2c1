package dev.gatehouse.kube.jwt.internal;

import java.util.Locale;

/**
 * The parts of Go's {@code net/url.Parse} that issuer URL validation depends on, with Go's error messages
 * ({@code parse "https://h:x": invalid port ":x" after host}).
 *
 * @param scheme   lower-cased scheme, empty when there is none
 * @param hasUser  whether an {@code user@} part is present
 * @param host     host (with port)
 * @param rawQuery query without the '?'
 * @param fragment fragment without the '#'
 */
public record GoUrl(String scheme, boolean hasUser, String host, String rawQuery, String fragment) {

    /** A Go url.Parse failure; the message is Go's {@code *url.Error} text. */
    public static final class ParseException extends Exception {
        ParseException(String rawUrl, String detail) {
            super("parse " + GoFormat.quote(rawUrl) + ": " + detail);
        }
    }

    public static GoUrl parse(String raw) throws ParseException {
        int hash = raw.indexOf('#');
        String withoutFragment = hash < 0 ? raw : raw.substring(0, hash);
        String fragment = hash < 0 ? "" : raw.substring(hash + 1);
        GoUrl url = parseWithoutFragment(withoutFragment);
        if (!fragment.isEmpty()) {
            checkEscapes(raw, fragment);
        }
        return new GoUrl(url.scheme, url.hasUser, url.host, url.rawQuery, fragment);
    }

    private static GoUrl parseWithoutFragment(String raw) throws ParseException {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new ParseException(raw, "net/url: invalid control character in URL");
            }
        }
        if (raw.equals("*")) {
            return new GoUrl("", false, "", "", "");
        }
        String scheme = "";
        String rest = raw;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean later = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
            if (letter || (later && i > 0)) {
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new ParseException(raw, "missing protocol scheme");
                }
                scheme = raw.substring(0, i).toLowerCase(Locale.ROOT);
                rest = raw.substring(i + 1);
            }
            break;
        }
        String rawQuery = "";
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int q = rest.indexOf('?');
            if (q >= 0) {
                rawQuery = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                return new GoUrl(scheme, false, "", rawQuery, "");
            }
            int slash = rest.indexOf('/');
            String segment = slash < 0 ? rest : rest.substring(0, slash);
            if (segment.contains(":")) {
                throw new ParseException(raw, "first path segment in URL cannot contain colon");
            }
        }
        boolean hasUser = false;
        String host = "";
        if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            String path = slash < 0 ? "" : authority.substring(slash);
            authority = slash < 0 ? authority : authority.substring(0, slash);
            int at = authority.lastIndexOf('@');
            hasUser = at >= 0;
            host = parseHost(raw, at < 0 ? authority : authority.substring(at + 1));
            checkEscapes(raw, path);
        } else {
            checkEscapes(raw, rest);
        }
        return new GoUrl(scheme, hasUser, host, rawQuery, "");
    }

    private static String parseHost(String raw, String host) throws ParseException {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                throw new ParseException(raw, "missing ']' in host");
            }
            String colonPort = host.substring(close + 1);
            if (!validOptionalPort(colonPort)) {
                throw new ParseException(raw, "invalid port " + GoFormat.quote(colonPort) + " after host");
            }
            return host;
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            String colonPort = host.substring(colon);
            if (!validOptionalPort(colonPort)) {
                throw new ParseException(raw, "invalid port " + GoFormat.quote(colonPort) + " after host");
            }
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '%') {
                continue;
            }
            if (c < 0x80 && !allowedInHost(c)) {
                throw new ParseException(raw, "invalid character " + GoFormat.quote(String.valueOf(c))
                        + " in host name");
            }
        }
        checkEscapes(raw, host);
        return host;
    }

    private static boolean allowedInHost(char c) {
        return Character.isLetterOrDigit(c) || "-_.~!$&'()*+,;=:[]<>\"".indexOf(c) >= 0;
    }

    private static boolean validOptionalPort(String colonPort) {
        if (colonPort.isEmpty()) {
            return true;
        }
        if (colonPort.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < colonPort.length(); i++) {
            if (colonPort.charAt(i) < '0' || colonPort.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static void checkEscapes(String raw, String s) throws ParseException {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '%') {
                continue;
            }
            if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                String bad = s.substring(i, Math.min(s.length(), i + 3));
                throw new ParseException(raw, "invalid URL escape " + GoFormat.quote(bad));
            }
            i += 2;
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
