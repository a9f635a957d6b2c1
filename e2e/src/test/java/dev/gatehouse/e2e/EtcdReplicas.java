package dev.gatehouse.e2e;

import dev.gatehouse.store.etcd.EtcdProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One etcd on loopback ports and two {@code serve} replicas on it ({@code --store etcd://...}), for the
 * multi-replica end-to-end tests; everything is stopped by its process handle on close.
 */
public final class EtcdReplicas implements AutoCloseable {
  private final EtcdProcess etcd = new EtcdProcess();
  private GatehouseProcess a;
  private GatehouseProcess b;

  private EtcdReplicas() {}

  /**
   * @param sharePki give B a copy of A's {@code pki/} (CA, admin certificate, signing keys), so one kubeconfig's
   *     trust and identity work on both (these are not yet shared through the store)
   */
  public static EtcdReplicas start(Path dir, boolean sharePki) throws Exception {
    EtcdProcess.requireInstalled();
    EtcdReplicas replicas = new EtcdReplicas();
    try {
      replicas.etcd.start();
      String store = replicas.etcd.endpoint().replace("http://", "etcd://");
      replicas.a = GatehouseProcess.start(dir.resolve("a"), 0, "--store", store);
      if (sharePki) {
        copyTree(dir.resolve("a").resolve("pki"), dir.resolve("b").resolve("pki"));
      }
      replicas.b = GatehouseProcess.start(dir.resolve("b"), 0, "--store", store);
      return replicas;
    } catch (Exception | Error e) {
      replicas.close();
      throw e;
    }
  }

  public GatehouseProcess a() {
    return a;
  }

  public GatehouseProcess b() {
    return b;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (GatehouseProcess p : new GatehouseProcess[] {a, b}) {
      if (p != null) {
        p.close();
      }
    }
    etcd.stop();
  }
}
