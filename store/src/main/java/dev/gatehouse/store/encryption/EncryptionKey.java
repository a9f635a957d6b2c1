package dev.gatehouse.store.encryption;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The key that seals secrets at rest: 32 random bytes, kept base64-encoded in a file readable by its owner only.
 * Every replica sharing a store must be given the same file. The id (first 8 hex digits of the key's SHA-256)
 * is written beside each sealed value, so a replica with another key names the mismatch instead of failing
 * obscurely; the id reveals nothing usable about the key.
 */
public record EncryptionKey(String id, byte[] bytes) {
  public static final int LENGTH = 32;

  public EncryptionKey {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("an encryption key must be " + LENGTH + " bytes, got " + bytes.length);
    }
  }

  public static EncryptionKey of(byte[] bytes) {
    return new EncryptionKey(idOf(bytes), bytes.clone());
  }

  public static EncryptionKey generate() {
    byte[] bytes = new byte[LENGTH];
    new SecureRandom().nextBytes(bytes);
    return of(bytes);
  }

  /**
   * Reads a key file: base64 of exactly 32 bytes (surrounding whitespace ignored).
   *
   * @throws IllegalArgumentException with a message naming the file when it holds anything else
   */
  public static EncryptionKey read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": not base64 (" + e.getMessage() + ")");
    }
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException(file + ": the key must be " + LENGTH + " bytes (base64), got "
          + bytes.length);
    }
    return of(bytes);
  }

  /** Reads the key file, or creates it (mode 0600) with a fresh key when it does not exist. */
  public static EncryptionKey readOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      return read(file);
    }
    EncryptionKey key = generate();
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, Base64.getEncoder().encodeToString(key.bytes()) + "\n", StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    return key;
  }

  private static String idOf(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "EncryptionKey[" + id + "]"; // never the bytes
  }
}
