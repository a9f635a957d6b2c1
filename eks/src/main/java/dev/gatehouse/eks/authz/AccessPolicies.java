package dev.gatehouse.eks.authz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gatehouse.kube.rbac.PolicyRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of EKS access policies, read from {@code /eks/access-policies.yaml} (the EKS User Guide's
 * tables; see that file for the source and its licence). Immutable.
 */
public final class AccessPolicies {
  public static final String RESOURCE = "/eks/access-policies.yaml";
  private static final String ARN_MARKER = ":eks::aws:cluster-access-policy/";
  private static final Set<String> RULE_FIELDS = Set.of("apiGroups", "resources", "resourceNames",
      "nonResourceURLs", "verbs");

  private final Map<String, AccessPolicy> byName;

  private AccessPolicies(Map<String, AccessPolicy> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** The built-in catalogue. */
  public static AccessPolicies load() {
    try (InputStream in = AccessPolicies.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("eks: " + RESOURCE + " is missing from the classpath");
      }
      return fromYaml(new YAMLMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("eks: cannot read " + RESOURCE, e);
    }
  }

  /** Strict: an unknown rule field or a repeated name is a broken data file, not something to skip. */
  static AccessPolicies fromYaml(JsonNode root) {
    Map<String, AccessPolicy> out = new LinkedHashMap<>();
    for (JsonNode p : root.path("policies")) {
      String name = p.path("name").asText("");
      List<PolicyRule> rules = new ArrayList<>();
      for (JsonNode r : p.path("rules")) {
        r.fieldNames().forEachRemaining(f -> {
          if (!RULE_FIELDS.contains(f)) {
            throw new IllegalStateException("eks: access policy " + name + " has a rule with unknown field " + f);
          }
        });
        rules.add(PolicyRule.fromJson(r));
      }
      if (name.isEmpty() || out.put(name, new AccessPolicy(name, rules)) != null) {
        throw new IllegalStateException("eks: access policy name missing or repeated: \"" + name + "\"");
      }
    }
    return new AccessPolicies(out);
  }

  public Optional<AccessPolicy> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** A policy by ARN in any partition ({@code arn:aws-cn:eks::aws:cluster-access-policy/…} too). */
  public Optional<AccessPolicy> byArn(String arn) {
    return Optional.ofNullable(lookup(arn));
  }

  /** The hot-path form of {@link #byArn}: null when unknown. */
  AccessPolicy lookup(String arn) {
    int marker = arn.indexOf(ARN_MARKER);
    if (!arn.startsWith("arn:") || marker < 0) {
      return null;
    }
    return byName.get(arn.substring(marker + ARN_MARKER.length()));
  }

  public List<String> names() {
    return byName.keySet().stream().sorted().toList();
  }
}
