package dev.gatehouse.iam.policy;

import dev.gatehouse.iam.policy.condition.ConditionClause;
import dev.gatehouse.iam.policy.match.ServiceIndex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A validated, compiled policy document: immutable and safe to share between threads and evaluations. Matchers
 * are built once here, plus an index from action service to the statements that can apply.
 */
public final class Policy {
  /** The Version that enables policy variables. */
  public static final String VERSION_2012 = "2012-10-17";

  private final String text;
  private final PolicyKind kind;
  private final String version;
  private final String id;
  private final List<Statement> statements;
  private final Statement[] statementArray;
  private final ServiceIndex serviceIndex;
  private final Set<String> contextKeys;

  Policy(String text, PolicyKind kind, String version, String id, List<Statement> statements) {
    this.text = text;
    this.kind = kind;
    this.version = version;
    this.id = id;
    this.statements = List.copyOf(statements);
    this.statementArray = this.statements.toArray(new Statement[0]);
    this.serviceIndex = ServiceIndex.build(this.statements.stream().map(Statement::patternsByService).toList());
    Map<String, String> keys = new LinkedHashMap<>();
    for (Statement s : this.statements) {
      for (ConditionClause c : s.conditions()) {
        keys.putIfAbsent(c.writtenKey().toLowerCase(Locale.ROOT), c.writtenKey());
      }
    }
    this.contextKeys = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(keys.values()));
  }

  /** The document exactly as given. */
  public String text() {
    return text;
  }

  public PolicyKind kind() {
    return kind;
  }

  /** The Version element, or null when absent (IAM then treats it as 2008-10-17). */
  public String version() {
    return version;
  }

  /** The Id element, or null. */
  public String id() {
    return id;
  }

  /** Whether ${...} in Resource and condition values are policy variables (Version 2012-10-17). */
  public boolean variablesEnabled() {
    return VERSION_2012.equals(version);
  }

  public List<Statement> statements() {
    return statements;
  }

  /** The condition keys the statements reference (GetContextKeysFor*Policy), first spelling of each. */
  public Set<String> contextKeys() {
    return contextKeys;
  }

  Statement[] statementArray() {
    return statementArray;
  }

  ServiceIndex serviceIndex() {
    return serviceIndex;
  }

  @Override
  public String toString() {
    return "Policy[" + kind + ", " + statements.size() + " statements]";
  }
}
