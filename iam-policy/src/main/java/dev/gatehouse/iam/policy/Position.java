package dev.gatehouse.iam.policy;

/**
 * A place in the policy text, both 1-based (SimulatePolicy's {@code StartPosition} / {@code EndPosition}). A
 * statement starts at its opening brace; its end is the column just after its closing brace.
 */
public record Position(int line, int column) {}
