package dev.gatehouse.kube.meta.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Go's {@code encoding/json.Marshal} of a decoded JSON value: compact, object keys sorted, {@code <}, {@code >},
 * {@code &}, U+2028 and U+2029 escaped, floats in Go's shortest form.
 */
public final class GoJson {
    private GoJson() {
    }

    public static String marshal(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(sb, node);
        return sb.toString();
    }

    private static void write(StringBuilder sb, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            sb.append("null");
        } else if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                keys.add(it.next());
            }
            keys.sort(GoStrings::compare);
            sb.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                writeString(sb, keys.get(i));
                sb.append(':');
                write(sb, node.get(keys.get(i)));
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(sb, node.get(i));
            }
            sb.append(']');
        } else if (node.isTextual()) {
            writeString(sb, node.asText());
        } else if (node.isFloatingPointNumber()) {
            sb.append(formatFloat(node.asDouble()));
        } else {
            sb.append(node.asText()); // integers, booleans
        }
    }

    private static void writeString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Go's float64 JSON form: plain decimal, exponent form below 1e-6 or from 1e21 ({@code 1e-7}, {@code 1e+21}). */
    static String formatFloat(double f) {
        double abs = Math.abs(f);
        BigDecimal bd = new BigDecimal(Double.toString(abs)).stripTrailingZeros();
        String sign = f < 0 ? "-" : "";
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            String digits = bd.unscaledValue().toString();
            int exp = digits.length() - bd.scale() - 1;
            String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + Math.abs(exp);
        }
        return sign + (abs == 0 ? "0" : bd.toPlainString());
    }
}
