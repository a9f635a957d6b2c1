package dev.gatehouse.aws.iam;

import dev.gatehouse.aws.api.Params;
import dev.gatehouse.aws.protocol.QueryStruct;
import dev.gatehouse.iam.policy.RequestContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The simulator's {@code ContextEntries}: each names a condition key, its values and their type. The list types
 * ({@code stringList}, {@code dateList}, …) make a multi-valued key, as {@code aws:TagKeys} is in a real request;
 * the others a single-valued key. Values stay text, which is how the policy engine compares every type; booleans
 * are lower-cased, as IAM writes them.
 */
final class SimulationContextEntries {
  static final List<String> TYPES = List.of("string", "stringList", "numeric", "numericList", "boolean",
      "booleanList", "ip", "ipList", "binary", "binaryList", "date", "dateList");
  private static final Set<String> BOOLEAN_TYPES = Set.of("boolean", "booleanList");

  private SimulationContextEntries() {}

  static RequestContext parse(Params p) {
    RequestContext.Builder context = RequestContext.builder();
    List<QueryStruct> entries = p.request().structs("ContextEntries");
    for (int i = 0; i < entries.size(); i++) {
      QueryStruct entry = entries.get(i);
      String at = "contextEntries." + (i + 1) + ".member.";
      String name = entry.get("ContextKeyName").orElseThrow(() -> Params.invalid("Value null at '" + at
          + "contextKeyName' failed to satisfy constraint: Member must not be null"));
      if (name.length() < 5 || name.length() > 256) {
        throw Params.invalid("Value '" + name + "' at '" + at + "contextKeyName' failed to satisfy constraint: Member"
            + " must have length " + (name.length() < 5 ? "greater than or equal to 5" : "less than or equal to 256"));
      }
      List<String> values = entry.members("ContextKeyValues");
      String type = entry.get("ContextKeyType").orElse(values.size() == 1 ? "string" : "stringList");
      if (!TYPES.contains(type)) {
        throw Params.invalid("Value '" + type + "' at '" + at + "contextKeyType' failed to satisfy constraint: Member"
            + " must satisfy enum value set: [" + String.join(", ", TYPES) + "]");
      }
      if (BOOLEAN_TYPES.contains(type)) {
        values = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
      }
      if (type.endsWith("List") || values.size() != 1) {
        context.putAll(name, values);
      } else {
        context.put(name, values.get(0));
      }
    }
    return context.build();
  }
}
