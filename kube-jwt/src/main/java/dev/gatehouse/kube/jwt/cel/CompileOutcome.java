package dev.gatehouse.kube.jwt.cel;

/** Result of compiling one authentication CEL expression. */
public sealed interface CompileOutcome {

    /** Upstream's {@code apiservercel.ErrorType}: how a failure is reported as a field error. */
    enum Kind { REQUIRED, INVALID, INTERNAL }

    record Compiled(CompiledExpression expression) implements CompileOutcome {
    }

    record Failed(Kind kind, String detail) implements CompileOutcome {
    }
}
