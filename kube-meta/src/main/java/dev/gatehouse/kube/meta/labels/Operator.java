package dev.gatehouse.kube.meta.labels;

/** Upstream {@code selection.Operator}, with the spelling upstream uses in messages. */
enum Operator {
    IN("in"), NOT_IN("notin"), EQUALS("="), DOUBLE_EQUALS("=="), NOT_EQUALS("!="), GREATER_THAN("gt"),
    LESS_THAN("lt"), EXISTS("exists"), DOES_NOT_EXIST("!");

    /** Upstream {@code binaryOperators} joined with ", ", as the parser lists them in its error. */
    static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

    final String upstream;

    Operator(String upstream) {
        this.upstream = upstream;
    }
}
