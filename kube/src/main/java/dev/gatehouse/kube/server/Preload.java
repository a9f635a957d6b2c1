package dev.gatehouse.kube.server;

import dev.gatehouse.kube.rbac.BootstrapPolicy;
import dev.gatehouse.kube.resource.BuiltinResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every start parses before it can serve, read on a background thread at the very beginning so that it
 * overlaps loading the store instead of following it: the built-in resource table, the default RBAC policy, and
 * the TLS library's one-time check of the JDK (its static initialiser parses a built-in RSA key and seals it in a
 * PKCS#12 store, a few hundred milliseconds on a cold JVM). Each is a cached, immutable singleton; the server
 * reads them itself when it needs them, so nothing waits for this to finish.
 */
public final class Preload {
  private static final Logger log = LoggerFactory.getLogger(Preload.class);
  private static final String NETTY_SERVER_CONTEXT = "io.netty.handler.ssl.JdkSslServerContext";

  private Preload() {}

  public static void startInBackground() {
    Thread thread = new Thread(Preload::run, "preload");
    thread.setDaemon(true);
    thread.start();
  }

  static void run() {
    long started = System.nanoTime();
    try {
      BuiltinResources.all();
      BootstrapPolicy.load();
      Class.forName(NETTY_SERVER_CONTEXT, true, Preload.class.getClassLoader());
      log.debug("preload: done in {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
      log.debug("preload: stopped: {}", e.toString()); // the server then reads what it needs itself
    }
  }
}
