package dev.gatehouse.eks.mapping;

/**
 * One problem found in the aws-auth ConfigMap.
 *
 * @param field where in the ConfigMap, e.g. {@code data.mapRoles[1].groups}
 * @param line 1-based line inside that data value, 0 when the problem has no position
 * @param column 1-based column inside that data value, 0 when the problem has no position
 * @param message what is wrong, in upstream's words where aws-iam-authenticator has them
 */
public record ConfigIssue(String field, int line, int column, String message) {
  public static ConfigIssue at(String field, String message) {
    return new ConfigIssue(field, 0, 0, message);
  }

  @Override
  public String toString() {
    return line > 0 ? field + " (line " + line + ", column " + column + "): " + message : field + ": " + message;
  }
}
