package dev.gatehouse.kube.proto;

import java.util.Optional;
import java.util.Set;

/**
 * The syntax checks of {@code resource.ParseQuantity}, which the Go protobuf decoder applies to every Quantity.
 *
 * <p>Only acceptance is decided here; the text itself is kept as sent. A client-go sender always writes the
 * canonical form (its {@code Quantity.String()}), which is also what its JSON would carry.
 */
final class QuantitySyntax {

    static final String FORMAT_WRONG =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    static final String SUFFIX_WRONG = "unable to parse quantity's suffix";

    private static final Set<String> KNOWN_SUFFIXES = Set.of("", "n", "u", "m", "k", "M", "G", "T", "P", "E",
            "Ki", "Mi", "Gi", "Ti", "Pi", "Ei");
    private static final String SUFFIX_LETTERS = "eEinumkKMGTP";

    private QuantitySyntax() {
    }

    /** The error {@code ParseQuantity} would return for {@code text}, if any. */
    static Optional<String> check(String text) {
        if (text.isEmpty()) {
            return Optional.of(FORMAT_WRONG);
        }
        int end = text.length();
        int pos = 0;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            pos++;
        }
        while (pos < end && text.charAt(pos) == '0') {
            pos++;
        }
        if (pos == end) {
            return Optional.empty();
        }
        pos = skipDigits(text, pos);
        if (pos < end && text.charAt(pos) == '.') {
            pos = skipDigits(text, pos + 1);
        }
        int suffixStart = pos;
        while (pos < end && SUFFIX_LETTERS.indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos < end && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
            pos++;
        }
        if (skipDigits(text, pos) != end) {
            return Optional.of(FORMAT_WRONG);
        }
        return isKnownSuffix(text.substring(suffixStart)) ? Optional.empty() : Optional.of(SUFFIX_WRONG);
    }

    private static int skipDigits(String text, int pos) {
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
            pos++;
        }
        return pos;
    }

    /** Decimal and binary SI suffixes, or an exponent: {@code e}/{@code E} then a signed 64-bit integer. */
    private static boolean isKnownSuffix(String suffix) {
        if (KNOWN_SUFFIXES.contains(suffix)) {
            return true;
        }
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
            try {
                Long.parseLong(suffix.substring(1));
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }
}
