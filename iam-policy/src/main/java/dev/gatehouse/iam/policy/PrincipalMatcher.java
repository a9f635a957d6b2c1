package dev.gatehouse.iam.policy;

import dev.gatehouse.iam.policy.json.JsonValue;
import dev.gatehouse.iam.policy.json.JsonValue.JsonObject;
import dev.gatehouse.iam.policy.json.JsonValue.JsonString;
import dev.gatehouse.iam.policy.json.PolicyElements;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A compiled Principal / NotPrincipal element. */
final class PrincipalMatcher {
  private final boolean everyone;
  private final boolean everyAwsPrincipal;
  private final Set<String> accounts = new HashSet<>();
  private final Set<String> arns = new HashSet<>();
  private final Set<String> federated = new HashSet<>();
  private final Set<String> services = new HashSet<>();
  private final Set<String> canonicalUsers = new HashSet<>();

  private PrincipalMatcher(JsonValue element) {
    boolean awsWildcard = false;
    if (element instanceof JsonObject map) {
      for (Map.Entry<String, JsonValue> e : map.members().entrySet()) {
        for (String value : PolicyElements.strings(e.getValue())) {
          switch (e.getKey()) {
            case "AWS" -> awsWildcard |= addAws(value);
            case "Federated" -> federated.add(value);
            case "Service" -> services.add(value);
            case "CanonicalUser" -> canonicalUsers.add(value);
            default -> { }
          }
        }
      }
    }
    this.everyone = element instanceof JsonString s && s.value().equals("*");
    this.everyAwsPrincipal = awsWildcard;
  }

  static PrincipalMatcher compile(JsonValue element) {
    return new PrincipalMatcher(element);
  }

  /** Returns true when the value was "*". */
  private boolean addAws(String value) {
    if (value.equals("*")) {
      return true;
    }
    String account = accountOf(value);
    if (account != null) {
      accounts.add(account);
    } else {
      arns.add(value);
    }
    return false;
  }

  /** The account of "123456789012" or "arn:PARTITION:iam::123456789012:root", else null. */
  private static String accountOf(String value) {
    if (value.length() == 12 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return value;
    }
    String[] parts = value.split(":", -1);
    if (parts.length == 6 && parts[0].equals("arn") && parts[2].equals("iam") && parts[3].isEmpty()
        && parts[5].equals("root")) {
      return parts[4];
    }
    return null;
  }

  PrincipalMatch match(RequestPrincipal p) {
    if (everyone) {
      return PrincipalMatch.DIRECT;
    }
    switch (p.type()) {
      case SERVICE:
        return services.contains(p.arn()) ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
      case FEDERATED:
        return federated.contains(p.arn()) ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
      case ANONYMOUS:
        return everyAwsPrincipal ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
      default:
        break;
    }
    if (everyAwsPrincipal) {
      return PrincipalMatch.DIRECT;
    }
    for (String id : p.directIdentifiers()) {
      if (arns.contains(id) || canonicalUsers.contains(id)) {
        return PrincipalMatch.DIRECT;
      }
    }
    if (p.roleArn() != null && arns.contains(p.roleArn())) {
      return PrincipalMatch.ROLE;
    }
    if (p.account() != null && accounts.contains(p.account())) {
      return PrincipalMatch.ACCOUNT;
    }
    return PrincipalMatch.NONE;
  }
}
