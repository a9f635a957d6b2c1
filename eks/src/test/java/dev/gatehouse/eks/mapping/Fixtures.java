package dev.gatehouse.eks.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gatehouse.aws.eks.model.AccessEntry;
import dev.gatehouse.aws.eks.model.AssociatedAccessPolicy;
import dev.gatehouse.aws.eks.model.EksCluster;
import dev.gatehouse.eks.token.AwsIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Reads the YAML case tables of the eks tests and builds the records they describe. Strict about field names. */
public final class Fixtures {
  private static final YAMLMapper YAML = new YAMLMapper();

  private Fixtures() {}

  public static JsonNode load(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code cases: [{name: …, …}]} as (name, case) arguments; each case may only use {@code allowed} fields. */
  public static Stream<Arguments> cases(String resource, String... allowed) {
    Set<String> fields = new java.util.HashSet<>(List.of(allowed));
    fields.add("name");
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : load(resource).path("cases")) {
      requireOnly(c, fields);
      out.add(Arguments.of(c.path("name").asText(), c));
    }
    if (out.isEmpty()) {
      throw new IllegalStateException(resource + " has no cases");
    }
    return out.stream();
  }

  public static void requireOnly(JsonNode node, Set<String> allowed) {
    node.fieldNames().forEachRemaining(f -> {
      if (!allowed.contains(f)) {
        throw new IllegalArgumentException("unknown field \"" + f + "\" in " + node);
      }
    });
  }

  public static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  public static Map<String, String> stringMap(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  /** An identity: arn, canonicalArn, accountId, userId, principalId, sessionName?, accessKeyId. */
  public static AwsIdentity identity(JsonNode n) {
    requireOnly(n, Set.of("arn", "canonicalArn", "accountId", "userId", "principalId", "sessionName", "accessKeyId"));
    return new AwsIdentity(n.path("arn").asText(), n.path("canonicalArn").asText(), n.path("accountId").asText(),
        n.path("userId").asText(), n.path("principalId").asText(),
        n.hasNonNull("sessionName") ? n.get("sessionName").asText() : null, n.path("accessKeyId").asText("AKIAEXAMPLE"));
  }

  /** A cluster: mode, bootstrap (default true), creatorArn?, creatorPrincipalId?. */
  public static EksCluster cluster(String name, JsonNode n) {
    requireOnly(n, Set.of("mode", "bootstrap", "creatorArn", "creatorPrincipalId"));
    return new EksCluster(name, "111122223333", "us-east-1", "arn:aws:eks:us-east-1:111122223333:cluster/" + name,
        "id", "arn:aws:iam::111122223333:role/eks", "1.32", "eks.1", "ACTIVE", Instant.EPOCH,
        n.path("mode").asText(EksCluster.CONFIG_MAP), n.path("bootstrap").asBoolean(true),
        n.path("creatorArn").asText(null), n.path("creatorPrincipalId").asText(null), "https://x", "", "",
        Map.of(), Map.of(), List.of());
  }

  /**
   * An access entry: principalArn, principalId, type?, username?, groups?, policies? (each {arn, scope:
   * cluster|namespace, namespaces?}; a bare policy name means the aws-partition ARN).
   */
  public static AccessEntry entry(String cluster, JsonNode n) {
    requireOnly(n, Set.of("principalArn", "principalId", "type", "username", "groups", "policies"));
    List<AssociatedAccessPolicy> policies = new ArrayList<>();
    for (JsonNode p : n.path("policies")) {
      requireOnly(p, Set.of("arn", "scope", "namespaces"));
      String arn = p.path("arn").asText();
      if (!arn.startsWith("arn:")) {
        arn = "arn:aws:eks::aws:cluster-access-policy/" + arn;
      }
      policies.add(new AssociatedAccessPolicy(arn, p.path("scope").asText("cluster"), strings(p.path("namespaces")),
          Instant.EPOCH, Instant.EPOCH));
    }
    String principalArn = n.path("principalArn").asText();
    return new AccessEntry(cluster, PrincipalArns.account(principalArn), principalArn, n.path("principalId").asText(),
        n.path("type").asText("STANDARD"), n.path("username").asText(null), strings(n.path("groups")),
        "arn:aws:eks:us-east-1:111122223333:access-entry/" + cluster + "/x", Instant.EPOCH, Instant.EPOCH, Map.of(),
        policies);
  }

  /** One cluster's EKS records for a test: {@code cluster} absent means a plain logical cluster. */
  public static EksDirectory directory(String name, JsonNode cluster, JsonNode entries) {
    EksCluster c = cluster == null || cluster.isMissingNode() ? null : cluster(name, cluster);
    List<AccessEntry> list = new ArrayList<>();
    if (entries != null) {
      entries.forEach(e -> list.add(entry(name, e)));
    }
    return new EksDirectory() {
      @Override
      public Optional<EksCluster> cluster(String n) {
        return n.equals(name) ? Optional.ofNullable(c) : Optional.empty();
      }

      @Override
      public List<AccessEntry> accessEntries(String n) {
        return n.equals(name) ? list : List.of();
      }
    };
  }
}
