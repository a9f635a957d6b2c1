package dev.gatehouse.kube.registry.strategies;

import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.kube.registry.StorageKeys;
import dev.gatehouse.kube.resource.ResourceType;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.RangeRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Cluster IPs from 10.96.0.0/12 (kube-apiserver's default service CIDR; .1 is left for the kubernetes service)
 * and node ports from 30000-32767, per logical cluster. What is in use is read from the stored services, so
 * every deletion path frees its addresses; addresses handed out but not yet stored are held in memory for a
 * minute so concurrent creates in this process never share one.
 */
public final class ServiceAllocator {
  private static final int BASE = (10 << 24) | (96 << 16);
  private static final int SIZE = 1 << 20;
  private static final Duration HOLD = Duration.ofMinutes(1);

  private final ObjectStorage storage;
  private final Clock clock;
  private final Map<String, Instant> recent = new ConcurrentHashMap<>();

  public ServiceAllocator(ObjectStorage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  public synchronized String allocateClusterIp(LogicalCluster cluster) {
    Set<String> used = inUse(cluster, "ip");
    for (int attempt = 0; attempt < 10_000; attempt++) {
      int offset = 2 + ThreadLocalRandom.current().nextInt(SIZE - 3);
      String ip = format(BASE + offset);
      if (hold(cluster, "ip", ip, used)) {
        return ip;
      }
    }
    throw new IllegalStateException("no free cluster IP in 10.96.0.0/12");
  }

  public synchronized int allocateNodePort(LogicalCluster cluster) {
    Set<String> used = inUse(cluster, "port");
    for (int attempt = 0; attempt < 10_000; attempt++) {
      int port = 30000 + ThreadLocalRandom.current().nextInt(2768);
      if (hold(cluster, "port", Integer.toString(port), used)) {
        return port;
      }
    }
    throw new IllegalStateException("no free node port in 30000-32767");
  }

  private boolean hold(LogicalCluster cluster, String kind, String value, Set<String> used) {
    String key = cluster.name() + "/" + kind + "/" + value;
    Instant now = clock.instant();
    recent.values().removeIf(t -> t.isBefore(now.minus(HOLD)));
    if (used.contains(value) || recent.containsKey(key)) {
      return false;
    }
    recent.put(key, now);
    return true;
  }

  private Set<String> inUse(LogicalCluster cluster, String kind) {
    ResourceType services = cluster.catalog().find("", "v1", "services").orElseThrow();
    Set<String> used = new HashSet<>();
    for (KeyValue kv : storage.store().range(RangeRequest.prefix(StorageKeys.typePrefix(cluster.name(), services)))
        .kvs()) {
      var spec = storage.decode(kv).object().path("spec");
      if (kind.equals("ip")) {
        spec.path("clusterIPs").forEach(ip -> used.add(ip.asText()));
        used.add(spec.path("clusterIP").asText());
      } else {
        spec.path("ports").forEach(p -> used.add(p.path("nodePort").asText()));
      }
    }
    return used;
  }

  private static String format(int address) {
    return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
        + (address & 0xff);
  }
}
