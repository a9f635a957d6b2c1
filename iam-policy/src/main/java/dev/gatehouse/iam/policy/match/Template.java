package dev.gatehouse.iam.policy.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A Resource or condition value with policy variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team,
 * 'none'}}, and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}}). Variables are only recognised in policies of
 * version 2012-10-17; the compiler does not build templates for older documents, so there they stay literal text.
 *
 * <p>Substituted values are literal: a {@code *} inside {@code aws:username} is not a wildcard. A variable whose key
 * the request lacks (and that has no default) makes the whole value unresolvable, so it matches nothing. A
 * multi-valued key cannot be used as a variable.
 */
public final class Template {
  /** One piece of the value: literal policy text, or a variable (with its key lower-cased for lookup). */
  public sealed interface Part permits Text, Variable, Escape {}

  /** Policy text; in pattern contexts its {@code *} and {@code ?} are wildcards. */
  public record Text(String text) implements Part {}

  /** {@code ${key}} or {@code ${key, 'default'}}; {@code defaultValue} is null without a default. */
  public record Variable(String writtenKey, String lowerKey, String defaultValue) implements Part {}

  /** {@code ${*}}, {@code ${?}} or {@code ${$}}: a literal character. */
  public record Escape(char character) implements Part {}

  private final String source;
  private final List<Part> parts;

  private Template(String source, List<Part> parts) {
    this.source = source;
    this.parts = parts;
  }

  /** The template of a value, or null when it contains no variable syntax (the value is then used as it is). */
  public static Template parseOrNull(String value) {
    if (value.indexOf("${") < 0) {
      return null;
    }
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    boolean sawVariable = false;
    int i = 0;
    while (i < value.length()) {
      int open = value.indexOf("${", i);
      int close = open < 0 ? -1 : value.indexOf('}', open + 2);
      if (open < 0 || close < 0) {
        text.append(value, i, value.length());
        break;
      }
      Part part = variable(value.substring(open + 2, close));
      if (part == null) {
        // Not a variable after all ("${}" or "${ , 'x'}"): keep the characters, continue after "${".
        text.append(value, i, open + 2);
        i = open + 2;
        continue;
      }
      text.append(value, i, open);
      if (text.length() > 0) {
        parts.add(new Text(text.toString()));
        text.setLength(0);
      }
      parts.add(part);
      sawVariable = true;
      i = close + 1;
    }
    if (text.length() > 0) {
      parts.add(new Text(text.toString()));
    }
    return sawVariable ? new Template(value, Collections.unmodifiableList(parts)) : null;
  }

  private static Part variable(String inside) {
    String body = inside.trim();
    if (body.equals("*") || body.equals("?") || body.equals("$")) {
      return new Escape(body.charAt(0));
    }
    String key = body;
    String defaultValue = null;
    int comma = body.indexOf(',');
    if (comma >= 0) {
      key = body.substring(0, comma).trim();
      defaultValue = body.substring(comma + 1).trim();
      if (defaultValue.length() >= 2 && defaultValue.startsWith("'") && defaultValue.endsWith("'")) {
        defaultValue = defaultValue.substring(1, defaultValue.length() - 1);
      }
    }
    if (key.isEmpty()) {
      return null;
    }
    return new Variable(key, key.toLowerCase(Locale.ROOT), defaultValue);
  }

  public String source() {
    return source;
  }

  public List<Part> parts() {
    return parts;
  }

  /** The value with variables substituted, or null when a variable cannot be resolved. */
  public String resolveText(Lookup lookup) {
    StringBuilder b = new StringBuilder(source.length() + 16);
    for (Part part : parts) {
      if (part instanceof Text t) {
        b.append(t.text());
      } else if (part instanceof Escape e) {
        b.append(e.character());
      } else {
        String v = resolve((Variable) part, lookup);
        if (v == null) {
          return null;
        }
        b.append(v);
      }
    }
    return b.toString();
  }

  /**
   * Pattern codes (see {@link Glob}) with variables substituted: wildcards in the policy text stay wildcards,
   * substituted values and escapes are literal. Null when a variable cannot be resolved.
   */
  public int[] resolvePattern(Lookup lookup) {
    int[] out = new int[source.length() + 16];
    int n = 0;
    for (Part part : parts) {
      String chars;
      boolean wild;
      if (part instanceof Text t) {
        chars = t.text();
        wild = true;
      } else if (part instanceof Escape e) {
        chars = String.valueOf(e.character());
        wild = false;
      } else {
        chars = resolve((Variable) part, lookup);
        if (chars == null) {
          return null;
        }
        wild = false;
      }
      if (n + chars.length() > out.length) {
        out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, n + chars.length()));
      }
      for (int k = 0; k < chars.length(); k++) {
        char c = chars.charAt(k);
        out[n++] = !wild ? c : c == '*' ? Glob.STAR : c == '?' ? Glob.QUESTION : c;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static String resolve(Variable v, Lookup lookup) {
    String[] values = lookup.values(v.lowerKey());
    if (values != null && values.length == 1) {
      return values[0];
    }
    if (v.defaultValue() != null) {
      return v.defaultValue();
    }
    if (values == null) {
      lookup.reportMissing(v.lowerKey(), v.writtenKey());
    }
    return null;
  }

  @Override
  public String toString() {
    return source;
  }
}
