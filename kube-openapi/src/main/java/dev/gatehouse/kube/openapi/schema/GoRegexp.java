package dev.gatehouse.kube.openapi.schema;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go's {@code regexp.Compile} (RE2 syntax with Perl extensions) on top of {@link java.util.regex}. CRD
 * {@code pattern}s are Go regexps: Go rejects lookaround and backreferences, treats an unparsable {@code {} as a
 * literal, lets {@code .} match {@code \r} and {@code $} only at the very end. The pattern is parsed here with
 * Go's rules, rejected with Go's error text ({@code error parsing regexp: invalid or unsupported Perl syntax:
 * `(?!`}), and re-emitted as an equivalent Java pattern with every literal escaped.
 *
 * <p>Not modelled: Go's size and nesting limits, {@code (?U)} inside classes, and case folding beyond Java's
 * Unicode case-insensitivity.
 */
final class GoRegexp {
  private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

  /** A Go syntax error; {@link #getMessage()} is Go's {@code (*syntax.Error).Error()}. */
  static final class SyntaxError extends Exception {
    SyntaxError(String code, String expr) {
      super("error parsing regexp: " + code + ": `" + expr + "`", null, false, false);
    }
  }

  private GoRegexp() {}

  /** Compiles (cached) a Go pattern; use {@link Pattern#matcher} with {@code find()} for Go's MatchString. */
  static Pattern compile(String goPattern) throws SyntaxError {
    Object cached = CACHE.computeIfAbsent(goPattern, p -> {
      try {
        return Pattern.compile(new Translator(p).translate());
      } catch (SyntaxError e) {
        return e;
      } catch (PatternSyntaxException e) {
        return new SyntaxError("invalid or unsupported Perl syntax", p);
      }
    });
    if (cached instanceof SyntaxError e) {
      throw e;
    }
    return (Pattern) cached;
  }

  /** Go's {@code MatchString}: an unanchored search. */
  static boolean matches(Pattern pattern, String s) {
    return pattern.matcher(s).find();
  }

  private record Flags(boolean foldCase, boolean multiLine, boolean dotNl, boolean nonGreedy) {}

  private static final class Translator {
    private final String src;
    private final StringBuilder out = new StringBuilder("(?d)");
    private final Deque<Flags> saved = new ArrayDeque<>();
    private Flags flags = new Flags(false, false, false, false);
    private int pos;
    private boolean operand;      // something a repetition operator can apply to precedes pos
    private int lastRepeat = -1;  // start of the immediately preceding repetition operator

    Translator(String src) {
      this.src = src;
    }

    String translate() throws SyntaxError {
      while (pos < src.length()) {
        int c = src.codePointAt(pos);
        int repeatStart = lastRepeat;
        lastRepeat = -1;
        switch (c) {
          case '(' -> openGroup();
          case ')' -> {
            if (saved.isEmpty()) {
              throw new SyntaxError("unexpected )", src);
            }
            flags = saved.pop();
            out.append(')');
            pos++;
            operand = true;
          }
          case '|' -> {
            out.append('|');
            pos++;
            operand = false;
          }
          case '^' -> literalOp(flags.multiLine() ? "(?m:^)" : "\\A");
          case '$' -> literalOp(flags.multiLine() ? "(?m:$)" : "\\z");
          case '.' -> literalOp(flags.dotNl() ? "[\\x{0}-\\x{10FFFF}]" : "[^\\n]");
          case '[' -> {
            out.append(new ClassParser(src, pos).parse());
            pos = classEnd;
            operand = true;
          }
          case '*', '+', '?' -> repeat(repeatStart, pos, pos + 1, String.valueOf((char) c));
          case '{' -> brace(repeatStart);
          case '\\' -> escape();
          default -> {
            out.append(literal(c));
            pos += Character.charCount(c);
            operand = true;
          }
        }
      }
      if (!saved.isEmpty()) {
        throw new SyntaxError("missing closing )", src);
      }
      return out.toString();
    }

    private int classEnd;

    private void literalOp(String java) {
      out.append(java);
      pos++;
      operand = true;
    }

    private void openGroup() throws SyntaxError {
      if (!src.startsWith("(?", pos)) {
        saved.push(flags);
        out.append('(');
        pos++;
        operand = false;
        return;
      }
      String t = src.substring(pos);
      if (t.length() > 4 && t.startsWith("(?P<") || t.length() > 3 && t.startsWith("(?<")) {
        int begin = t.charAt(2) == '<' ? 3 : 4;
        int end = t.indexOf('>');
        if (end < 0) {
          throw new SyntaxError("invalid named capture", t);
        }
        String name = t.substring(begin, end);
        if (name.isEmpty() || !name.chars().allMatch(ch -> ch == '_' || ch < 128 && Character.isLetterOrDigit(ch))) {
          throw new SyntaxError("invalid named capture", t.substring(0, end + 1));
        }
        saved.push(flags);
        out.append('(');
        pos += end + 1;
        operand = false;
        return;
      }
      boolean fold = flags.foldCase();
      boolean multi = flags.multiLine();
      boolean dot = flags.dotNl();
      boolean lazy = flags.nonGreedy();
      boolean negate = false;
      boolean sawFlag = false;
      int i = pos + 2;
      while (i < src.length()) {
        char c = src.charAt(i++);
        switch (c) {
          case 'i', 'm', 's', 'U' -> {
            boolean on = !negate;
            switch (c) {
              case 'i' -> fold = on;
              case 'm' -> multi = on;
              case 's' -> dot = on;
              default -> lazy = on;
            }
            sawFlag = true;
          }
          case '-' -> {
            if (negate) {
              throw new SyntaxError("invalid or unsupported Perl syntax", src.substring(pos, i));
            }
            negate = true;
            sawFlag = false;
          }
          case ':', ')' -> {
            if (negate && !sawFlag) {
              throw new SyntaxError("invalid or unsupported Perl syntax", src.substring(pos, i));
            }
            Flags next = new Flags(fold, multi, dot, lazy);
            if (c == ':') {
              saved.push(flags);
              out.append("(?:");
              operand = false;
            }
            if (next.foldCase() != flags.foldCase()) {
              out.append(next.foldCase() ? "(?iu)" : "(?-iu)");
            }
            flags = next;
            pos = i;
            return;
          }
          default -> throw new SyntaxError("invalid or unsupported Perl syntax",
              src.substring(pos, i + (Character.isHighSurrogate(c) && i < src.length() ? 1 : 0)));
        }
      }
      throw new SyntaxError("invalid or unsupported Perl syntax", src.substring(pos));
    }

    /** {@code {n}}, {@code {n,}} or {@code {n,m}}; anything else (even {@code {,n}} or {@code {01}}) is literal. */
    private void brace(int repeatStart) throws SyntaxError {
      int[] end = new int[1];
      long min = count(pos + 1, end);
      int i = end[0];
      if (min == NOT_A_NUMBER || i >= src.length()) {
        literalBrace();
        return;
      }
      long max = min;
      if (src.charAt(i) == ',') {
        i++;
        if (i < src.length() && src.charAt(i) == '}') {
          max = -1;
        } else {
          max = count(i, end);
          i = end[0];
          if (max == NOT_A_NUMBER) {
            literalBrace();
            return;
          }
          if (max == TOO_BIG) {
            min = TOO_BIG;
          }
        }
      }
      if (i >= src.length() || src.charAt(i) != '}') {
        literalBrace();
        return;
      }
      int close = i + 1;
      if (min < 0 || min > 1000 || max > 1000 || max >= 0 && min > max) {
        throw new SyntaxError("invalid repeat count", src.substring(pos, close));
      }
      repeat(repeatStart, pos, close, "{" + min + "," + (max < 0 ? "" : String.valueOf(max)) + "}");
    }

    private static final long NOT_A_NUMBER = -3;
    private static final long TOO_BIG = -2;

    /** Go's {@code parseInt}: digits without a leading zero; at least 1e8 counts as too big. */
    private long count(int start, int[] end) {
      int i = start;
      while (i < src.length() && src.charAt(i) >= '0' && src.charAt(i) <= '9') {
        i++;
      }
      end[0] = i;
      if (i == start || i - start >= 2 && src.charAt(start) == '0') {
        return NOT_A_NUMBER;
      }
      return i - start > 8 ? TOO_BIG : Long.parseLong(src.substring(start, i));
    }

    private void literalBrace() {
      out.append("\\{");
      pos++;
      operand = true;
    }

    private void repeat(int previousRepeat, int opStart, int opEnd, String javaOp) throws SyntaxError {
      boolean lazy = opEnd < src.length() && src.charAt(opEnd) == '?';
      int end = lazy ? opEnd + 1 : opEnd;
      if (previousRepeat >= 0) {
        throw new SyntaxError("invalid nested repetition operator", src.substring(previousRepeat, end));
      }
      if (!operand) {
        throw new SyntaxError("missing argument to repetition operator", src.substring(opStart, end));
      }
      out.append(javaOp);
      if (lazy != flags.nonGreedy()) {
        out.append('?');
      }
      pos = end;
      lastRepeat = opStart;
    }

    private void escape() throws SyntaxError {
      if (pos + 1 >= src.length()) {
        throw new SyntaxError("trailing backslash at end of expression", "");
      }
      char c = src.charAt(pos + 1);
      switch (c) {
        case 'A' -> simpleEscape("\\A");
        case 'z' -> simpleEscape("\\z");
        case 'b' -> simpleEscape("\\b");
        case 'B' -> simpleEscape("\\B");
        case 'd', 'D', 's', 'S', 'w', 'W' -> {
          out.append(CharRanges.perl(c).toJavaClass());
          pos += 2;
          operand = true;
        }
        case 'p', 'P' -> {
          int[] end = new int[1];
          out.append('[').append(CharRanges.unicodeClass(src, pos, end)).append(']');
          pos = end[0];
          operand = true;
        }
        case 'Q' -> {
          int stop = src.indexOf("\\E", pos + 2);
          String text = stop < 0 ? src.substring(pos + 2) : src.substring(pos + 2, stop);
          text.codePoints().forEach(cp -> out.append(literal(cp)));
          pos = stop < 0 ? src.length() : stop + 2;
          operand = operand || !text.isEmpty();
        }
        default -> {
          int[] end = new int[1];
          int cp = CharRanges.escapedChar(src, pos, end);
          out.append(literal(cp));
          pos = end[0];
          operand = true;
        }
      }
    }

    private void simpleEscape(String java) {
      out.append(java);
      pos += 2;
      operand = true;
    }

    /** A character class; sets {@link #classEnd}. */
    private final class ClassParser {
      private final String s;
      private final int start;

      ClassParser(String s, int start) {
        this.s = s;
        this.start = start;
      }

      String parse() throws SyntaxError {
        int i = start + 1;
        boolean negate = i < s.length() && s.charAt(i) == '^';
        if (negate) {
          i++;
        }
        StringBuilder body = new StringBuilder();
        boolean first = true;
        while (true) {
          if (i >= s.length()) {
            throw new SyntaxError("missing closing ]", s.substring(start));
          }
          char c = s.charAt(i);
          if (c == ']' && !first) {
            i++;
            break;
          }
          first = false;
          if (s.startsWith("[:", i) && s.indexOf(":]", i + 2) >= 0) {
            int close = s.indexOf(":]", i + 2) + 2;
            String name = s.substring(i, close);
            CharRanges posix = CharRanges.posix(name);
            if (posix == null) {
              throw new SyntaxError("invalid character class range", name);
            }
            body.append(posix.toJavaItems());
            i = close;
            continue;
          }
          if (c == '\\' && i + 1 < s.length() && "dDsSwW".indexOf(s.charAt(i + 1)) >= 0) {
            body.append(CharRanges.perl(s.charAt(i + 1)).toJavaItems());
            i += 2;
            continue;
          }
          if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 'p' || s.charAt(i + 1) == 'P')) {
            int[] end = new int[1];
            body.append(CharRanges.unicodeClass(s, i, end));
            i = end[0];
            continue;
          }
          int rangeStart = i;
          int[] end = new int[1];
          int lo = classChar(i, end);
          i = end[0];
          int hi = lo;
          if (i + 1 < s.length() && s.charAt(i) == '-' && s.charAt(i + 1) != ']') {
            hi = classChar(i + 1, end);
            i = end[0];
            if (hi < lo) {
              throw new SyntaxError("invalid character class range", s.substring(rangeStart, i));
            }
          }
          body.append(CharRanges.hex(lo));
          if (hi != lo) {
            body.append('-').append(CharRanges.hex(hi));
          }
        }
        classEnd = i;
        return "[" + (negate ? "^" : "") + body + "]";
      }

      private int classChar(int i, int[] end) throws SyntaxError {
        if (i >= s.length()) {
          throw new SyntaxError("missing closing ]", s.substring(start));
        }
        if (s.charAt(i) == '\\') {
          if (i + 1 >= s.length()) {
            throw new SyntaxError("trailing backslash at end of expression", "");
          }
          return CharRanges.escapedChar(s, i, end);
        }
        int cp = s.codePointAt(i);
        end[0] = i + Character.charCount(cp);
        return cp;
      }
    }

    private static String literal(int cp) {
      boolean plain = cp < 128 && Character.isLetterOrDigit(cp);
      return plain ? String.valueOf((char) cp) : CharRanges.hex(cp);
    }
  }
}
