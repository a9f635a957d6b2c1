package dev.gatehouse.kube.jwt.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelErrorCode;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A checked expression and its program; evaluation is thread-safe. */
public final class CompiledExpression {

    private static final Pattern MISSING_KEY = Pattern.compile("key '(.*)' is not present in map\\.?");
    private static final Pattern LOCATION_PREFIX = Pattern.compile("^evaluation error at <input>:\\d+: ");

    private final String expression;
    private final AuthCel.Variable variable;
    private final CelAbstractSyntaxTree ast;
    private final CelRuntime.Program program;

    CompiledExpression(String expression, AuthCel.Variable variable, CelAbstractSyntaxTree ast,
                       CelRuntime.Program program) {
        this.expression = expression;
        this.variable = variable;
        this.ast = ast;
        this.program = program;
    }

    public String expression() {
        return expression;
    }

    public CelAbstractSyntaxTree ast() {
        return ast;
    }

    /** Evaluates with the expression's variable bound to {@code input} (a value built by {@link CelValues}). */
    public EvalOutcome evaluate(Object input) {
        try {
            return new EvalOutcome.Value(program.eval(Map.of(variable.celName(), input)));
        } catch (CelEvaluationException e) {
            return new EvalOutcome.Failed("expression '" + expression + "' resulted in error: " + describe(e));
        } catch (RuntimeException e) {
            return new EvalOutcome.Failed("expression '" + expression + "' resulted in error: " + e.getMessage());
        }
    }

    /** cel-go's wording for the common runtime errors, since upstream's messages quote it. */
    private static String describe(CelEvaluationException e) {
        String message = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage()
                : LOCATION_PREFIX.matcher(String.valueOf(e.getMessage())).replaceFirst("");
        CelErrorCode code = e.getErrorCode();
        if (code == CelErrorCode.ATTRIBUTE_NOT_FOUND) {
            Matcher m = MISSING_KEY.matcher(message);
            if (m.matches()) {
                return "no such key: " + m.group(1);
            }
        }
        if (code == CelErrorCode.OVERLOAD_NOT_FOUND) {
            return "no such overload";
        }
        if (code == CelErrorCode.DIVIDE_BY_ZERO) {
            return "division by zero";
        }
        return message;
    }

    /** Result of one evaluation. */
    public sealed interface EvalOutcome {
        record Value(Object value) implements EvalOutcome {
        }

        record Failed(String message) implements EvalOutcome {
        }
    }
}
