package dev.gatehouse.kube.openapi.schema;

import dev.gatehouse.kube.openapi.schema.GoRegexp.SyntaxError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The pieces of Go regexp syntax that denote characters: Perl classes ({@code \d}), POSIX classes
 * ({@code [:alpha:]}), Unicode classes ({@code \pL}, {@code \p{Greek}}) and escapes ({@code \x41}, {@code \101},
 * {@code \.}), with Go's ASCII definitions and Go's error texts. Ranges are emitted as explicit code point ranges
 * so that negated classes never rely on Java's nested-class semantics.
 */
final class CharRanges {
  private static final int MAX = 0x10FFFF;
  private static final Set<String> CATEGORIES = Set.of("C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt",
      "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc",
      "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs");
  private static final Map<String, int[]> POSIX = Map.ofEntries(
      Map.entry("alnum", new int[] {'0', '9', 'A', 'Z', 'a', 'z'}),
      Map.entry("alpha", new int[] {'A', 'Z', 'a', 'z'}),
      Map.entry("ascii", new int[] {0, 0x7F}),
      Map.entry("blank", new int[] {'\t', '\t', ' ', ' '}),
      Map.entry("cntrl", new int[] {0, 0x1F, 0x7F, 0x7F}),
      Map.entry("digit", new int[] {'0', '9'}),
      Map.entry("graph", new int[] {'!', '~'}),
      Map.entry("lower", new int[] {'a', 'z'}),
      Map.entry("print", new int[] {' ', '~'}),
      Map.entry("punct", new int[] {'!', '/', ':', '@', '[', '`', '{', '~'}),
      Map.entry("space", new int[] {'\t', '\r', ' ', ' '}),
      Map.entry("upper", new int[] {'A', 'Z'}),
      Map.entry("word", new int[] {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'}),
      Map.entry("xdigit", new int[] {'0', '9', 'A', 'F', 'a', 'f'}));

  /** Sorted, non-overlapping inclusive pairs. */
  private final int[] pairs;

  private CharRanges(int[] pairs) {
    this.pairs = pairs;
  }

  /** {@code \d \D \s \S \w \W}: ASCII only, as in Go ({@code \s} is {@code [\t\n\f\r ]}). */
  static CharRanges perl(char c) {
    CharRanges base = switch (Character.toLowerCase(c)) {
      case 'd' -> new CharRanges(new int[] {'0', '9'});
      case 's' -> new CharRanges(new int[] {'\t', '\n', '\f', '\r', ' ', ' '});
      default -> new CharRanges(POSIX.get("word"));
    };
    return Character.isUpperCase(c) ? base.complement() : base;
  }

  /** {@code [:name:]} or {@code [:^name:]}; null for an unknown name. */
  static CharRanges posix(String text) {
    String name = text.substring(2, text.length() - 2);
    boolean negate = name.startsWith("^");
    int[] pairs = POSIX.get(negate ? name.substring(1) : name);
    if (pairs == null) {
      return null;
    }
    CharRanges r = new CharRanges(pairs);
    return negate ? r.complement() : r;
  }

  private CharRanges complement() {
    List<Integer> out = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i] > next) {
        out.add(next);
        out.add(pairs[i] - 1);
      }
      next = pairs[i + 1] + 1;
    }
    if (next <= MAX) {
      out.add(next);
      out.add(MAX);
    }
    return new CharRanges(out.stream().mapToInt(Integer::intValue).toArray());
  }

  String toJavaItems() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      sb.append(hex(pairs[i]));
      if (pairs[i + 1] != pairs[i]) {
        sb.append('-').append(hex(pairs[i + 1]));
      }
    }
    return sb.toString();
  }

  String toJavaClass() {
    return "[" + toJavaItems() + "]";
  }

  static String hex(int cp) {
    return "\\x{" + Integer.toHexString(cp) + "}";
  }

  /**
   * {@code \pX}, {@code \p{Name}} or {@code \p{^Name}} at {@code pos}; returns a Java class item and sets
   * {@code end[0]} past it. Unknown names fail as in Go ({@code invalid character class range: `\p{Foo}`}).
   */
  static String unicodeClass(String s, int pos, int[] end) throws SyntaxError {
    boolean negate = s.charAt(pos + 1) == 'P';
    String name;
    int stop;
    if (pos + 2 >= s.length()) {
      throw new SyntaxError("invalid character class range", s.substring(pos));
    }
    if (s.charAt(pos + 2) == '{') {
      int close = s.indexOf('}', pos + 2);
      if (close < 0) {
        throw new SyntaxError("invalid character class range", s.substring(pos));
      }
      name = s.substring(pos + 3, close);
      stop = close + 1;
    } else {
      int cp = s.codePointAt(pos + 2);
      name = new String(Character.toChars(cp));
      stop = pos + 2 + Character.charCount(cp);
    }
    String text = s.substring(pos, stop);
    if (name.startsWith("^")) {
      negate = !negate;
      name = name.substring(1);
    }
    end[0] = stop;
    if (name.equals("Any")) {
      // A nested empty class is Java's way to contribute nothing to a union.
      return negate ? "[^\\x{0}-\\x{10ffff}]" : hex(0) + "-" + hex(MAX);
    }
    String java = CATEGORIES.contains(name) ? "{" + name + "}" : "{Is" + name + "}";
    if (name.isEmpty() || !name.chars().allMatch(Character::isLetterOrDigit) || !javaKnows(java)) {
      throw new SyntaxError("invalid character class range", text);
    }
    return (negate ? "\\P" : "\\p") + java;
  }

  private static boolean javaKnows(String property) {
    try {
      Pattern.compile("\\p" + property);
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  /** An escape denoting one character ({@code \n}, {@code \x{263a}}, {@code \012}, {@code \.}); Go's errors. */
  static int escapedChar(String s, int pos, int[] end) throws SyntaxError {
    int i = pos + 1;
    int c = s.codePointAt(i);
    i += Character.charCount(c);
    if (c < 128 && !Character.isLetterOrDigit(c)) {
      end[0] = i;
      return c;
    }
    switch (c) {
      case '1', '2', '3', '4', '5', '6', '7', '0' -> {
        if (c != '0' && (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '7')) {
          break;
        }
        int value = c - '0';
        for (int n = 0; n < 2 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7'; n++) {
          value = value * 8 + s.charAt(i++) - '0';
        }
        end[0] = i;
        return value;
      }
      case 'x' -> {
        if (i < s.length() && s.charAt(i) == '{') {
          int close = s.indexOf('}', i);
          String digits = close < 0 ? "" : s.substring(i + 1, close);
          if (close < 0 || digits.isEmpty() || !digits.chars().allMatch(CharRanges::isHex) || digits.length() > 8
              || Long.parseLong(digits, 16) > MAX) {
            throw new SyntaxError("invalid escape sequence", s.substring(pos, close < 0 ? s.length() : close + 1));
          }
          end[0] = close + 1;
          return Integer.parseInt(digits, 16);
        }
        if (i + 2 > s.length() || !isHex(s.charAt(i)) || !isHex(s.charAt(i + 1))) {
          throw new SyntaxError("invalid escape sequence", s.substring(pos, Math.min(s.length(), i + 2)));
        }
        end[0] = i + 2;
        return Integer.parseInt(s.substring(i, i + 2), 16);
      }
      case 'a' -> {
        end[0] = i;
        return 7;
      }
      case 'f' -> {
        end[0] = i;
        return '\f';
      }
      case 'n' -> {
        end[0] = i;
        return '\n';
      }
      case 'r' -> {
        end[0] = i;
        return '\r';
      }
      case 't' -> {
        end[0] = i;
        return '\t';
      }
      case 'v' -> {
        end[0] = i;
        return 0x0B;
      }
      default -> {
      }
    }
    throw new SyntaxError("invalid escape sequence", s.substring(pos, i));
  }

  private static boolean isHex(int c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
