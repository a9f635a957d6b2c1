package dev.gatehouse.kube.openapi.validation;

/** Go's {@code strconv.Quote}, which renders field paths in strict decoding errors. */
final class GoStrings {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoStrings() {}

  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case 0x07:
          out.append("\\a");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case 0x0b:
          out.append("\\v");
          break;
        default:
          appendRune(out, cp);
      }
    }
    return out.append('"').toString();
  }

  private static void appendRune(StringBuilder out, int cp) {
    if (cp >= 0x20 && cp < 0x7f) {
      out.append((char) cp);
    } else if (cp < 0x80) {
      out.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xf]);
    } else if (isPrint(cp)) {
      out.appendCodePoint(cp);
    } else if (cp < 0x10000) {
      out.append(String.format("\\u%04x", cp));
    } else {
      out.append(String.format("\\U%08x", cp));
    }
  }

  /** Approximates Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and U+0020. */
  private static boolean isPrint(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.UNASSIGNED:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }
}
