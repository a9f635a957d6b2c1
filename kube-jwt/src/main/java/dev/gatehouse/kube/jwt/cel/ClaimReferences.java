package dev.gatehouse.kube.jwt.cel;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;

/**
 * Finds whether a checked expression reads {@code claims.<field>} (directly, via {@code has()}, or via optional
 * selection {@code claims.?field}). Used for upstream's rule that a username expression reading
 * {@code claims.email} must be accompanied by a check of {@code claims.email_verified}.
 */
public final class ClaimReferences {

    private static final String OPTIONAL_SELECT = "_?._";

    private ClaimReferences() {
    }

    public static boolean selects(CompiledExpression expression, String operand, String field) {
        return selects(expression.ast().getExpr(), operand, field);
    }

    private static boolean selects(CelExpr expr, String operand, String field) {
        if (expr == null) {
            return false;
        }
        switch (expr.getKind()) {
            case SELECT -> {
                CelExpr.CelSelect select = expr.select();
                if (isIdent(select.operand(), operand) && select.field().equals(field)) {
                    return true;
                }
                return selects(select.operand(), operand, field);
            }
            case CALL -> {
                CelExpr.CelCall call = expr.call();
                if (call.target().isEmpty() && call.function().equals(OPTIONAL_SELECT) && call.args().size() == 2
                        && isIdent(call.args().get(0), operand) && isStringConstant(call.args().get(1), field)) {
                    return true;
                }
                for (CelExpr arg : call.args()) {
                    if (selects(arg, operand, field)) {
                        return true;
                    }
                }
                return call.target().isPresent() && selects(call.target().get(), operand, field);
            }
            case LIST -> {
                return expr.list().elements().stream().anyMatch(e -> selects(e, operand, field));
            }
            case MAP -> {
                return expr.map().entries().stream()
                        .anyMatch(e -> selects(e.key(), operand, field) || selects(e.value(), operand, field));
            }
            case STRUCT -> {
                return expr.struct().entries().stream().anyMatch(e -> selects(e.value(), operand, field));
            }
            case COMPREHENSION -> {
                CelExpr.CelComprehension c = expr.comprehension();
                return selects(c.iterRange(), operand, field) || selects(c.accuInit(), operand, field)
                        || selects(c.loopCondition(), operand, field) || selects(c.loopStep(), operand, field)
                        || selects(c.result(), operand, field);
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean isIdent(CelExpr expr, String name) {
        return expr.getKind() == CelExpr.ExprKind.Kind.IDENT && expr.ident().name().equals(name);
    }

    private static boolean isStringConstant(CelExpr expr, String value) {
        return expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE
                && expr.constant().stringValue().equals(value);
    }
}
