package dev.gatehouse.cli;

import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.encryption.EncryptingStore;
import dev.gatehouse.store.encryption.EncryptionKey;
import dev.gatehouse.store.encryption.Sealer;
import dev.gatehouse.store.etcd.EtcdStore;
import dev.gatehouse.store.fanout.SharedWatchStore;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** Where state lives and the key that seals its secrets; shared by every command that opens the store. */
final class StoreOptions {
  /**
   * What is sealed at rest: Gatehouse's own secrets (CA, signing keys), the AWS side's secret access keys and
   * session-token key, and the Secrets of every logical cluster.
   */
  static final Predicate<String> SENSITIVE = sensitiveKeys();

  @Option(names = "--store", paramLabel = "URL", description = "Where state lives: 'embedded' (SQLite in"
      + " <data-dir>/store, the default) or etcd://HOST:PORT[,HOST:PORT...][/PREFIX][?cacert=F&cert=F&key=F]"
      + " (etcds:// for TLS) for replicas sharing one etcd.", defaultValue = "embedded")
  String url;

  @Option(names = "--encryption-key-file", paramLabel = "FILE", description = "32 random bytes, base64, that seal"
      + " secrets at rest (CA, signing keys, secret access keys, Secrets); every replica sharing a store needs the"
      + " same file (default: <data-dir>/encryption.key, created when missing).")
  Path encryptionKeyFile;

  /** A store opened as the options say, or a message for the user. */
  sealed interface Opened {
    record Ok(Store store, EncryptionKey key) implements Opened {}

    record Failed(String message) implements Opened {}
  }

  Opened open(Path dataDir) {
    EncryptionKey key;
    Path keyFile = encryptionKeyFile != null ? encryptionKeyFile : dataDir.resolve("encryption.key");
    try {
      key = encryptionKeyFile != null ? EncryptionKey.read(keyFile) : EncryptionKey.readOrCreate(keyFile);
    } catch (IOException | IllegalArgumentException e) {
      return new Opened.Failed("--encryption-key-file " + keyFile + ": " + describe(e));
    }
    Store engine;
    try {
      engine = url.equals("embedded") ? SqliteStore.open(dataDir.resolve("store"), SqliteStore.Options.defaults())
          : new SharedWatchStore(EtcdStore.open(url)); // one etcd watch for all of this replica's watchers
    } catch (IllegalArgumentException | StoreException e) {
      return new Opened.Failed("--store " + url + ": " + e.getMessage());
    }
    return new Opened.Ok(new EncryptingStore(engine, new Sealer(key), SENSITIVE), key);
  }

  boolean embedded() {
    return url.equals("embedded");
  }

  private static String describe(Exception e) {
    return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
  }

  private static Predicate<String> sensitiveKeys() {
    List<String> prefixes = List.of("/gatehouse/secrets/", "/aws/access-keys/", "/aws/system/");
    Pattern secrets = Pattern.compile("^(/clusters/[^/]+)?/registry/core/secrets/");
    return key -> {
      for (String prefix : prefixes) {
        if (key.startsWith(prefix)) {
          return true;
        }
      }
      return key.contains("/registry/core/secrets/") && secrets.matcher(key).find();
    };
  }
}
