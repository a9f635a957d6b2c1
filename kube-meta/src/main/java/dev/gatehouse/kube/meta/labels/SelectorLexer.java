package dev.gatehouse.kube.meta.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tokenizer of the label selector syntax, behaving like upstream's {@code labels.Lexer}: whitespace separates,
 * {@code = ! ( ) , > <} start operators (longest match), everything else is an identifier or the keywords
 * {@code in}/{@code notin}. A NUL character reads as end of input, as the Go lexer's zero byte does.
 */
final class SelectorLexer {

    enum Token {
        ERROR, END_OF_STRING, CLOSED_PAR, COMMA, DOES_NOT_EXIST, DOUBLE_EQUALS, EQUALS, GREATER_THAN, IDENTIFIER,
        IN, LESS_THAN, NOT_EQUALS, NOT_IN, OPEN_PAR
    }

    record Item(Token token, String literal) {
    }

    private static final Map<String, Token> LITERALS = Map.ofEntries(
            Map.entry(")", Token.CLOSED_PAR), Map.entry(",", Token.COMMA), Map.entry("!", Token.DOES_NOT_EXIST),
            Map.entry("==", Token.DOUBLE_EQUALS), Map.entry("=", Token.EQUALS), Map.entry(">", Token.GREATER_THAN),
            Map.entry("in", Token.IN), Map.entry("<", Token.LESS_THAN), Map.entry("!=", Token.NOT_EQUALS),
            Map.entry("notin", Token.NOT_IN), Map.entry("(", Token.OPEN_PAR));

    private final String input;
    private int pos;

    private SelectorLexer(String input) {
        this.input = input;
    }

    /** All tokens of {@code input}, ending with {@link Token#END_OF_STRING}. */
    static List<Item> scan(String input) {
        SelectorLexer lexer = new SelectorLexer(input);
        List<Item> items = new ArrayList<>();
        while (true) {
            Item item = lexer.lex();
            items.add(item);
            if (item.token() == Token.END_OF_STRING) {
                return items;
            }
        }
    }

    private char read() {
        char c = 0;
        if (pos < input.length()) {
            c = input.charAt(pos);
            pos++;
        }
        return c;
    }

    private void unread() {
        pos--;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isSpecialSymbol(char c) {
        return switch (c) {
            case '=', '!', '(', ')', ',', '>', '<' -> true;
            default -> false;
        };
    }

    private Item lex() {
        char c = read();
        while (isWhitespace(c)) {
            c = read();
        }
        if (c == 0) {
            return new Item(Token.END_OF_STRING, "");
        }
        unread();
        return isSpecialSymbol(c) ? scanSpecialSymbol() : scanIdentifierOrKeyword();
    }

    private Item scanIdentifierOrKeyword() {
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = read();
            if (c == 0) {
                break;
            }
            if (isSpecialSymbol(c) || isWhitespace(c)) {
                unread();
                break;
            }
            sb.append(c);
        }
        String s = sb.toString();
        Token keyword = LITERALS.get(s);
        return new Item(keyword != null ? keyword : Token.IDENTIFIER, s);
    }

    private Item scanSpecialSymbol() {
        Item last = null;
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = read();
            if (c == 0) {
                break;
            }
            if (!isSpecialSymbol(c)) {
                unread();
                break;
            }
            sb.append(c);
            Token t = LITERALS.get(sb.toString());
            if (t != null) {
                last = new Item(t, sb.toString());
            } else if (last != null) {
                unread();
                break;
            }
        }
        if (last == null) {
            return new Item(Token.ERROR, "error expected: keyword found '" + sb + "'");
        }
        return last;
    }
}
