package dev.gatehouse.e2e;

import dev.gatehouse.store.etcd.EtcdProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One etcd on loopback ports and {@code serve} replicas on it ({@code --store etcd://...}), each with its own
 * data directory and all given the same {@code --encryption-key-file}: the CA, admin certificate and signing
 * keys come from the store, as in a real deployment. Everything is stopped by its process handle on close.
 */
public final class EtcdReplicas implements AutoCloseable {
  /** The issuer every replica signs with and accepts (what a load balancer in front of them would serve). */
  public static final String ISSUER = "https://gatehouse-replicas.test";
  private final EtcdProcess etcd = new EtcdProcess();
  private final List<GatehouseProcess> replicas = new ArrayList<>();
  private final Path dir;
  private Path keyFile;

  private EtcdReplicas(Path dir) {
    this.dir = dir;
  }

  /** etcd and replicas "a" and "b", both started with {@code extraArgs} too. */
  public static EtcdReplicas start(Path dir, String... extraArgs) throws Exception {
    EtcdProcess.requireInstalled();
    EtcdReplicas replicas = new EtcdReplicas(dir);
    try {
      replicas.etcd.start();
      replicas.keyFile = dir.resolve("encryption.key");
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Files.writeString(replicas.keyFile, Base64.getEncoder().encodeToString(key));
      replicas.startReplica("a", extraArgs);
      replicas.startReplica("b", extraArgs);
      return replicas;
    } catch (Exception | Error e) {
      replicas.close();
      throw e;
    }
  }

  /** Starts one more replica with data directory {@code <dir>/<name>}. */
  public GatehouseProcess startReplica(String name, String... extraArgs) throws Exception {
    List<String> args = replicaArgs();
    args.addAll(List.of(extraArgs));
    GatehouseProcess replica = GatehouseProcess.start(dir.resolve(name), 0, args.toArray(String[]::new));
    replicas.add(replica);
    return replica;
  }

  /** {@code --store etcd://...} and {@code --encryption-key-file ...}, as every replica and command is given. */
  public List<String> storeArgs() {
    return List.of("--store", etcd.endpoint().replace("http://", "etcd://"), "--encryption-key-file",
        keyFile.toString());
  }

  /** What replicas share beyond the store: one service-account issuer, as replicas behind one address have. */
  private List<String> replicaArgs() {
    List<String> args = new ArrayList<>(storeArgs());
    args.addAll(List.of("--service-account-issuer", ISSUER));
    return args;
  }

  public GatehouseProcess a() {
    return replicas.get(0);
  }

  public GatehouseProcess b() {
    return replicas.get(1);
  }

  @Override
  public void close() throws InterruptedException {
    for (GatehouseProcess p : replicas) {
      p.close();
    }
    etcd.stop();
  }
}
