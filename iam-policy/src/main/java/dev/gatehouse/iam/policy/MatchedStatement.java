package dev.gatehouse.iam.policy;

/** A statement that determined a decision; {@code sid} is null when the statement has none. */
public record MatchedStatement(PolicySource source, int statementIndex, String sid, Effect effect, Position start,
    Position end) {}
