package dev.gatehouse.iam.policy;

import dev.gatehouse.iam.policy.condition.ConditionBlock;
import dev.gatehouse.iam.policy.condition.ConditionClause;
import dev.gatehouse.iam.policy.condition.OperatorName;
import dev.gatehouse.iam.policy.json.JsonValue;
import dev.gatehouse.iam.policy.json.JsonValue.JsonObject;
import dev.gatehouse.iam.policy.json.JsonValue.JsonString;
import dev.gatehouse.iam.policy.json.PolicyElements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a validated document into a {@link Policy}. */
final class PolicyCompiler {
  private PolicyCompiler() {}

  static Policy compile(String text, PolicyKind kind, JsonObject root) {
    String version = root.get("Version") instanceof JsonString v ? v.value() : null;
    String id = root.get("Id") instanceof JsonString s ? s.value() : null;
    boolean variables = Policy.VERSION_2012.equals(version);
    List<JsonObject> elements = PolicyElements.statements(root);
    List<Statement> statements = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      statements.add(statement(i, elements.get(i), variables));
    }
    return new Policy(text, kind, version, id, statements);
  }

  private static Statement statement(int index, JsonObject st, boolean variables) {
    String sid = st.get("Sid") instanceof JsonString s ? s.value() : null;
    Effect effect = ((JsonString) st.get("Effect")).value().equals("Deny") ? Effect.DENY : Effect.ALLOW;
    boolean notAction = st.has("NotAction");
    boolean notResource = st.has("NotResource");
    boolean hasResource = st.has("Resource") || notResource;
    boolean notPrincipal = st.has("NotPrincipal");
    JsonValue principalElement = notPrincipal ? st.get("NotPrincipal") : st.get("Principal");
    return new Statement(index, sid, effect,
        new Position(st.startLine(), st.startColumn()), new Position(st.endLine(), st.endColumn()),
        PolicyElements.strings(st.get(notAction ? "NotAction" : "Action")), notAction,
        PolicyElements.strings(st.get(notResource ? "NotResource" : "Resource")), notResource, hasResource,
        principalElement == null ? null : PrincipalMatcher.compile(principalElement), notPrincipal,
        condition(st.get("Condition"), variables), variables);
  }

  private static ConditionBlock condition(JsonValue element, boolean variables) {
    if (!(element instanceof JsonObject block)) {
      return ConditionBlock.EMPTY;
    }
    List<ConditionClause> clauses = new ArrayList<>();
    for (Map.Entry<String, JsonValue> op : block.members().entrySet()) {
      OperatorName name = OperatorName.parseOrNull(op.getKey());
      if (name == null) {
        continue; // validation only lets unknown operators through when they are empty
      }
      for (Map.Entry<String, JsonValue> key : ((JsonObject) op.getValue()).members().entrySet()) {
        clauses.add(new ConditionClause(op.getKey(), name, key.getKey(), PolicyElements.strings(key.getValue()),
            variables));
      }
    }
    return clauses.isEmpty() ? ConditionBlock.EMPTY : new ConditionBlock(clauses);
  }
}
