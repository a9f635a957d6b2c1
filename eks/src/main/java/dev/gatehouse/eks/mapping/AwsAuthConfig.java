package dev.gatehouse.eks.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The identity mappings of one {@code kube-system/aws-auth} ConfigMap, as aws-iam-authenticator's EKSConfigMap
 * mapper holds them (pkg/mapper/configmap). Immutable.
 *
 * <p>Matching order: {@code mapRoles} before {@code mapUsers}; within {@code mapRoles}, {@code rolearn}
 * entries before {@code sso} ones. Upstream keeps each list in a Go map and so checks them in random order;
 * with entries that overlap (an SSO pattern and an explicit rolearn for the same role) it answers either way.
 * Here the explicit entry wins, always.
 */
public record AwsAuthConfig(List<RoleMapping> roles, List<UserMapping> users, Set<String> accounts) {
  public static final AwsAuthConfig EMPTY = new AwsAuthConfig(List.of(), List.of(), Set.of());
  public static final String NAMESPACE = "kube-system";
  public static final String NAME = "aws-auth";

  public AwsAuthConfig {
    roles = List.copyOf(roles);
    users = List.copyOf(users);
    accounts = Set.copyOf(accounts);
  }

  /** Reads the {@code data} of the ConfigMap (keys are case-sensitive: {@code maproles} is not read). */
  public static ParseResult parse(Map<String, String> data) {
    return new AwsAuthParser().parse(data);
  }

  /** Reads a ConfigMap object as stored (JSON); a {@code data} value that is not a string makes it malformed. */
  public static ParseResult parse(ObjectNode configMap) {
    JsonNode data = configMap.path("data");
    if (data.isMissingNode() || data.isNull()) {
      return new ParseResult.Parsed(EMPTY, List.of());
    }
    if (!data.isObject()) {
      return new ParseResult.Malformed(List.of(ConfigIssue.at("data", "must be a map of strings")));
    }
    Map<String, String> strings = new LinkedHashMap<>();
    List<ConfigIssue> errors = new ArrayList<>();
    data.properties().forEach(e -> {
      if (e.getValue().isTextual()) {
        strings.put(e.getKey(), e.getValue().asText());
      } else if (AwsAuthParser.isMappingKey(e.getKey())) {
        errors.add(ConfigIssue.at("data." + e.getKey(), "must be a string holding YAML (is the '|' missing?)"));
      }
    });
    return errors.isEmpty() ? parse(strings) : new ParseResult.Malformed(errors);
  }

  /**
   * What is wrong with a ConfigMap about to be written, one line per problem, for a {@code Warning} header:
   * empty for any other ConfigMap than {@code kube-system/aws-auth} and for a clean one. Errors mean the
   * mapping in force stays the previous one; warnings mean entries are ignored.
   */
  public static List<String> problems(ObjectNode configMap) {
    JsonNode meta = configMap.path("metadata");
    if (!NAME.equals(meta.path("name").asText()) || !NAMESPACE.equals(meta.path("namespace").asText())) {
      return List.of();
    }
    ParseResult result = parse(configMap);
    if (result instanceof ParseResult.Malformed m) {
      return m.errors().stream()
          .map(e -> "aws-auth: " + e + " (the whole ConfigMap is ignored; the previous mappings stay in force)")
          .toList();
    }
    return ((ParseResult.Parsed) result).warnings().stream()
        .map(w -> "aws-auth: " + w + " (ignored)").toList();
  }

  /** The role mapping for a canonical ARN (lower-cased by the caller): explicit ARNs first, then SSO. */
  public Optional<RoleMapping> role(String lowerCanonicalArn) {
    for (RoleMapping r : roles) {
      if (r.sso() == null && r.matches(lowerCanonicalArn)) {
        return Optional.of(r);
      }
    }
    for (RoleMapping r : roles) {
      if (r.sso() != null && r.matches(lowerCanonicalArn)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  public Optional<UserMapping> user(String lowerCanonicalArn) {
    for (UserMapping u : users) {
      if (u.matches(lowerCanonicalArn)) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }

  public boolean accountAllowed(String accountId) {
    return accounts.contains(accountId);
  }
}
