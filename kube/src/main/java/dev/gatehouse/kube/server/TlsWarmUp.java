package dev.gatehouse.kube.server;

import dev.gatehouse.kube.pki.ClientTls;
import dev.gatehouse.kube.pki.ServerPki;
import dev.gatehouse.kube.pki.SingleKeyManager;
import java.nio.ByteBuffer;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first TLS handshake of a fresh process, done on a background thread while the server is still starting, so
 * the first client does not wait for the handshake code (ECDHE, ECDSA, certificate encoding) to run interpreted.
 * Two in-memory engines shake hands with the real certificate: no socket, nothing left behind. (The TLS library's
 * own one-time set-up runs earlier, in {@link Preload}.)
 */
public final class TlsWarmUp {
  private static final Logger log = LoggerFactory.getLogger(TlsWarmUp.class);
  private static final int BUFFER_BYTES = 64 * 1024;
  private static final int MAX_STEPS = 200;

  private TlsWarmUp() {}

  /** Starts the warm-up; it ends by itself and never fails the server (the first client then pays instead). */
  public static void start(ServerPki pki) {
    Thread thread = new Thread(() -> run(pki), "tls-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  static void run(ServerPki pki) {
    long started = System.nanoTime();
    try {
      handshakeInMemory(pki);
      log.debug("tls warm-up: done in {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (Exception e) {
      log.debug("tls warm-up: in-memory handshake failed: {}", e.toString());
    }
  }

  static void handshakeInMemory(ServerPki pki) throws Exception {
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(new KeyManager[] {new SingleKeyManager(pki.serving())}, null, null);
    SSLContext clientContext = ClientTls.trusting(pki.ca().certificate(), null);
    SSLEngine server = serverContext.createSSLEngine();
    server.setUseClientMode(false);
    SSLEngine client = clientContext.createSSLEngine("localhost", 443);
    client.setUseClientMode(true);
    SSLParameters checked = client.getSSLParameters();
    checked.setEndpointIdentificationAlgorithm("HTTPS"); // as kubectl does: the certificate must name localhost
    client.setSSLParameters(checked);
    ByteBuffer toServer = ByteBuffer.allocate(BUFFER_BYTES);
    ByteBuffer toClient = ByteBuffer.allocate(BUFFER_BYTES);
    client.beginHandshake();
    server.beginHandshake();
    // one engine operation per step, alternating sides; bounded, so a misbehaving engine cannot spin for ever
    for (int step = 0; step < MAX_STEPS && !(finished(client) && finished(server)); step++) {
      step(client, toClient, toServer);
      step(server, toServer, toClient);
    }
    if (!finished(client) || !finished(server)) {
      throw new SSLException("handshake did not finish: client " + client.getHandshakeStatus() + ", server "
          + server.getHandshakeStatus());
    }
  }

  /** Lets {@code engine} do what its handshake needs next: send into {@code out}, read from {@code in}, or compute. */
  private static void step(SSLEngine engine, ByteBuffer in, ByteBuffer out) throws SSLException {
    switch (engine.getHandshakeStatus()) {
      case NEED_WRAP -> requireOk(engine.wrap(ByteBuffer.allocate(0), out));
      case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
        in.flip();
        SSLEngineResult result = engine.unwrap(in, ByteBuffer.allocate(BUFFER_BYTES));
        in.compact();
        if (result.getStatus() != SSLEngineResult.Status.BUFFER_UNDERFLOW) { // underflow: the peer has not sent yet
          requireOk(result);
        }
      }
      case NEED_TASK -> {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
          task.run();
        }
      }
      default -> { } // FINISHED, NOT_HANDSHAKING
    }
  }

  private static void requireOk(SSLEngineResult result) throws SSLException {
    if (result.getStatus() != SSLEngineResult.Status.OK) {
      throw new SSLException("handshake step ended " + result.getStatus());
    }
  }

  private static boolean finished(SSLEngine engine) {
    HandshakeStatus status = engine.getHandshakeStatus();
    return status == HandshakeStatus.FINISHED || status == HandshakeStatus.NOT_HANDSHAKING;
  }
}
