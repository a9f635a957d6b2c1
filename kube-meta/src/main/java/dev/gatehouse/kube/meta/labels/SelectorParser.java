package dev.gatehouse.kube.meta.labels;

import dev.gatehouse.kube.meta.validation.FieldError;
import dev.gatehouse.kube.meta.validation.FieldPath;
import dev.gatehouse.kube.meta.internal.GoStrings;
import dev.gatehouse.kube.meta.labels.SelectorLexer.Item;
import dev.gatehouse.kube.meta.labels.SelectorLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Recursive-descent parser of the label selector string syntax, reproducing upstream {@code labels.Parser}
 * including its error texts. Grammar:
 *
 * <pre>
 *   selector    ::= requirement | requirement "," selector
 *   requirement ::= ["!"] KEY [ ("in" | "notin") "(" values ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
 * </pre>
 *
 * <p>Values of set operators are de-duplicated and sorted, as upstream collects them in a {@code sets.String}.
 */
final class SelectorParser {

    /** Whether {@code in}/{@code notin} keywords are operators here or plain identifiers (values, keys). */
    private enum Context { KEY_AND_OPERATOR, VALUES }

    private final List<Item> items;
    private int position;

    private SelectorParser(List<Item> items) {
        this.items = items;
    }

    static List<Requirement> parse(String selector) {
        return new SelectorParser(SelectorLexer.scan(selector)).parseSelector();
    }

    private Item lookahead(Context context) {
        return adjust(items.get(position), context);
    }

    private Item consume(Context context) {
        return adjust(items.get(position++), context);
    }

    private static Item adjust(Item item, Context context) {
        if (context == Context.VALUES && (item.token() == Token.IN || item.token() == Token.NOT_IN)) {
            return new Item(Token.IDENTIFIER, item.literal());
        }
        return item;
    }

    private List<Requirement> parseSelector() {
        List<Requirement> requirements = new ArrayList<>();
        while (true) {
            Item next = lookahead(Context.VALUES);
            switch (next.token()) {
                case IDENTIFIER, DOES_NOT_EXIST -> {
                    requirements.add(parseRequirementWithPrefix());
                    Item after = consume(Context.VALUES);
                    switch (after.token()) {
                        case END_OF_STRING -> {
                            return requirements;
                        }
                        case COMMA -> {
                            Item t2 = lookahead(Context.VALUES);
                            if (t2.token() != Token.IDENTIFIER && t2.token() != Token.DOES_NOT_EXIST) {
                                throw new SelectorParseException("found '" + t2.literal() + "', expected: identifier after ','");
                            }
                        }
                        default -> throw new SelectorParseException(
                                "found '" + after.literal() + "', expected: ',' or 'end of string'");
                    }
                }
                case END_OF_STRING -> {
                    return requirements;
                }
                default -> throw new SelectorParseException(
                        "found '" + next.literal() + "', expected: !, identifier, or 'end of string'");
            }
        }
    }

    /** Upstream wraps every error from one requirement with this prefix. */
    private Requirement parseRequirementWithPrefix() {
        try {
            return parseRequirement();
        } catch (SelectorParseException e) {
            throw new SelectorParseException("unable to parse requirement: " + e.getMessage(), e.fieldErrors());
        }
    }

    private Requirement parseRequirement() {
        boolean negated = false;
        Item item = consume(Context.VALUES);
        if (item.token() == Token.DOES_NOT_EXIST) {
            negated = true;
            item = consume(Context.VALUES);
        }
        if (item.token() != Token.IDENTIFIER) {
            throw new SelectorParseException("found '" + item.literal() + "', expected: identifier");
        }
        String key = item.literal();
        // Upstream validates the key here against a nil path, so the error reads "<nil>: Invalid value: ...".
        FieldError keyError = RequirementFactory.validateKey(key, null);
        if (keyError != null) {
            throw new SelectorParseException(keyError.message(), List.of(keyError));
        }
        Token following = lookahead(Context.VALUES).token();
        boolean bare = following == Token.END_OF_STRING || following == Token.COMMA;
        if (negated) {
            return RequirementFactory.create(key, Operator.DOES_NOT_EXIST, List.of(), null);
        }
        if (bare) {
            return RequirementFactory.create(key, Operator.EXISTS, List.of(), null);
        }
        Operator op = parseOperator();
        List<String> values = switch (op) {
            case IN, NOT_IN -> parseValues();
            default -> parseExactValue();
        };
        return RequirementFactory.create(key, op, values, null);
    }

    private Operator parseOperator() {
        Item item = consume(Context.KEY_AND_OPERATOR);
        return switch (item.token()) {
            case IN -> Operator.IN;
            case EQUALS -> Operator.EQUALS;
            case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
            case GREATER_THAN -> Operator.GREATER_THAN;
            case LESS_THAN -> Operator.LESS_THAN;
            case NOT_IN -> Operator.NOT_IN;
            case NOT_EQUALS -> Operator.NOT_EQUALS;
            default -> throw new SelectorParseException(
                    "found '" + item.literal() + "', expected: " + Operator.BINARY_OPERATORS);
        };
    }

    private List<String> parseValues() {
        Item open = consume(Context.VALUES);
        if (open.token() != Token.OPEN_PAR) {
            throw new SelectorParseException("found '" + open.literal() + "' expected: '('");
        }
        Item first = lookahead(Context.VALUES);
        switch (first.token()) {
            case IDENTIFIER, COMMA -> {
                TreeSet<String> values = parseIdentifiersList();
                if (consume(Context.VALUES).token() != Token.CLOSED_PAR) {
                    throw new SelectorParseException("found '" + first.literal() + "', expected: ')'");
                }
                return sorted(values);
            }
            case CLOSED_PAR -> {
                consume(Context.VALUES);
                return List.of("");
            }
            default -> throw new SelectorParseException(
                    "found '" + first.literal() + "', expected: ',', ')' or identifier");
        }
    }

    /** A possibly empty, comma separated list of possibly empty identifiers: {@code (a,,b)} holds "". */
    private TreeSet<String> parseIdentifiersList() {
        TreeSet<String> values = new TreeSet<>(GoStrings::compare);
        while (true) {
            Item item = consume(Context.VALUES);
            switch (item.token()) {
                case IDENTIFIER -> {
                    values.add(item.literal());
                    Item next = lookahead(Context.VALUES);
                    switch (next.token()) {
                        case COMMA -> {
                        }
                        case CLOSED_PAR -> {
                            return values;
                        }
                        default -> throw new SelectorParseException(
                                "found '" + next.literal() + "', expected: ',' or ')'");
                    }
                }
                case COMMA -> {
                    if (values.isEmpty()) {
                        values.add(""); // "(," starts with an empty value
                    }
                    Token next = lookahead(Context.VALUES).token();
                    if (next == Token.CLOSED_PAR) {
                        values.add(""); // ",)" ends with one
                        return values;
                    }
                    if (next == Token.COMMA) {
                        consume(Context.VALUES);
                        values.add(""); // ",," holds one
                    }
                }
                default -> throw new SelectorParseException(
                        "found '" + item.literal() + "', expected: ',', or identifier");
            }
        }
    }

    private List<String> parseExactValue() {
        Token next = lookahead(Context.VALUES).token();
        if (next == Token.END_OF_STRING || next == Token.COMMA) {
            return List.of("");
        }
        Item item = consume(Context.VALUES);
        if (item.token() == Token.IDENTIFIER) {
            return List.of(item.literal());
        }
        throw new SelectorParseException("found '" + item.literal() + "', expected: identifier");
    }

    private static List<String> sorted(TreeSet<String> values) {
        return List.copyOf(values);
    }
}
