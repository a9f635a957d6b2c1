package dev.gatehouse.kube.meta.fields;

import dev.gatehouse.kube.meta.internal.GoStrings;

import java.util.ArrayList;
import java.util.List;

/** Upstream {@code fields.parseSelector}: split on unescaped commas, sort, split each term at its operator. */
final class FieldSelectorParser {
    private FieldSelectorParser() {
    }

    /** Recognised operators; {@code ==} is tried before {@code =} so it does not leave "=" in the value. */
    private static final String[] OPERATORS = {"!=", "==", "="};

    static List<FieldRequirement> parse(String selector) {
        List<String> terms = splitTerms(selector);
        terms.sort(GoStrings::compare);
        List<FieldRequirement> out = new ArrayList<>();
        for (String term : terms) {
            if (term.isEmpty()) {
                continue;
            }
            int[] split = splitTerm(term);
            if (split == null) {
                throw new FieldSelectorException("invalid selector: '" + selector + "'; can't understand '" + term + "'");
            }
            String op = OPERATORS[split[1]];
            String value = unescapeValue(term.substring(split[0] + op.length()));
            FieldRequirement.Operator operator = op.equals("!=")
                    ? FieldRequirement.Operator.NOT_EQUALS : FieldRequirement.Operator.EQUALS;
            out.add(new FieldRequirement(term.substring(0, split[0]), operator, value));
        }
        return out;
    }

    /** Terms separated by unescaped commas; escapes are kept for {@link #unescapeValue}. */
    static List<String> splitTerms(String selector) {
        List<String> terms = new ArrayList<>();
        if (selector.isEmpty()) {
            return terms;
        }
        int start = 0;
        boolean inSlash = false;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (inSlash) {
                inSlash = false;
            } else if (c == '\\') {
                inSlash = true;
            } else if (c == ',') {
                terms.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(selector.substring(start));
        return terms;
    }

    /** {index of the operator, index into OPERATORS} of the first operator in the term, or null. */
    private static int[] splitTerm(String term) {
        for (int i = 0; i < term.length(); i++) {
            for (int k = 0; k < OPERATORS.length; k++) {
                if (term.startsWith(OPERATORS[k], i)) {
                    return new int[] {i, k};
                }
            }
        }
        return null;
    }

    /** Upstream {@code UnescapeValue}, including its error texts (the rune is printed as a number). */
    static String unescapeValue(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf(',') < 0 && s.indexOf('=') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean inSlash = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (inSlash) {
                if (c == '\\' || c == ',' || c == '=') {
                    sb.appendCodePoint(c);
                } else {
                    throw new FieldSelectorException("invalid field selector: invalid escape sequence: \\"
                            + new String(Character.toChars(c)));
                }
                inSlash = false;
                continue;
            }
            switch (c) {
                case '\\' -> inSlash = true;
                case ',', '=' -> throw new FieldSelectorException(
                        "invalid field selector: unescaped character in value: " + c);
                default -> sb.appendCodePoint(c);
            }
        }
        if (inSlash) {
            throw new FieldSelectorException("invalid field selector: invalid escape sequence: \\");
        }
        return sb.toString();
    }
}
