package dev.gatehouse.eks.host;

import dev.gatehouse.aws.eks.ClusterHost;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Breaks the start-up cycle between the two listeners: the Kubernetes side needs the AWS state to authenticate
 * tokens, and the EKS API needs the Kubernetes side to host clusters. The AWS endpoint starts with this host,
 * which is bound once the Kubernetes listener is up; an EKS call in between is refused as unavailable.
 */
public final class DeferredClusterHost implements ClusterHost {
  private final AtomicReference<ClusterHost> target = new AtomicReference<>();

  public void bind(ClusterHost host) {
    target.set(host);
  }

  @Override
  public Provisioned provision(String name) {
    return bound().provision(name);
  }

  @Override
  public void release(String name) {
    bound().release(name);
  }

  private ClusterHost bound() {
    ClusterHost host = target.get();
    if (host == null) {
      throw new IllegalStateException("the Kubernetes listener is still starting");
    }
    return host;
  }
}
