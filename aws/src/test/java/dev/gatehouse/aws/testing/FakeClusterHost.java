package dev.gatehouse.aws.testing;

import dev.gatehouse.aws.eks.ClusterHost;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A {@link ClusterHost} for tests of the AWS side: it records what it was asked and answers with an endpoint,
 * CA data and issuer derived from the cluster name. Names starting with {@code refuse-} are refused, as the
 * Kubernetes side refuses names it cannot serve.
 */
public final class FakeClusterHost implements ClusterHost {
  public static final String BASE = "https://127.0.0.1:6443/clusters/";

  private final List<String> provisioned = new ArrayList<>();
  private final List<String> released = new ArrayList<>();

  @Override
  public synchronized Provisioned provision(String name) {
    if (name.startsWith("refuse-")) {
      throw new IllegalArgumentException("the cluster name " + name + " is reserved");
    }
    provisioned.add(name);
    return new Provisioned(BASE + name, caData(name), BASE + name + "/oidc");
  }

  @Override
  public synchronized void release(String name) {
    released.add(name);
  }

  public static String caData(String name) {
    return Base64.getEncoder().encodeToString(("-----BEGIN CERTIFICATE-----\nFAKE " + name
        + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.UTF_8));
  }

  public synchronized List<String> provisioned() {
    return List.copyOf(provisioned);
  }

  public synchronized List<String> released() {
    return List.copyOf(released);
  }
}
