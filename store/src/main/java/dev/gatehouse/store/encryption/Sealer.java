package dev.gatehouse.store.encryption;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a stored value with AES-256-GCM. A sealed value is {@code gatehouse:enc:aesgcm:v1:<key id>:} followed
 * by a 12-byte random nonce and the ciphertext with its tag. The store key is the associated data, so a sealed
 * value copied under another key does not open. Values without the prefix were written before encryption was
 * on and are returned as they are (they are sealed at their next write).
 */
public final class Sealer {
  static final String PREFIX = "gatehouse:enc:aesgcm:v1:";
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  });

  private final EncryptionKey key;
  private final SecretKeySpec spec;
  private final byte[] header;
  private final SecureRandom random = new SecureRandom();

  public Sealer(EncryptionKey key) {
    this.key = key;
    this.spec = new SecretKeySpec(key.bytes(), "AES");
    this.header = (PREFIX + key.id() + ":").getBytes(StandardCharsets.US_ASCII);
  }

  public String keyId() {
    return key.id();
  }

  public byte[] seal(String storeKey, byte[] plain) {
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(storeKey.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      byte[] out = new byte[header.length + NONCE + sealed.length];
      System.arraycopy(header, 0, out, 0, header.length);
      System.arraycopy(nonce, 0, out, header.length, NONCE);
      System.arraycopy(sealed, 0, out, header.length + NONCE, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal the value of " + storeKey, e);
    }
  }

  /**
   * The plaintext of a stored value: opened when sealed, as-is when it predates encryption.
   *
   * @throws UnreadableSecretException when it was sealed with another key or does not authenticate
   */
  public byte[] open(String storeKey, byte[] stored) {
    if (!startsWith(stored, PREFIX.getBytes(StandardCharsets.US_ASCII))) {
      return stored;
    }
    int idEnd = indexOf(stored, (byte) ':', PREFIX.length());
    if (idEnd < 0) {
      throw new UnreadableSecretException(storeKey, "its encryption header is malformed");
    }
    String id = new String(stored, PREFIX.length(), idEnd - PREFIX.length(), StandardCharsets.US_ASCII);
    if (!id.equals(key.id())) {
      throw new UnreadableSecretException(storeKey, "it was sealed with encryption key " + id
          + ", this replica has key " + key.id() + "; every replica needs the same --encryption-key-file");
    }
    int body = idEnd + 1;
    if (stored.length < body + NONCE + TAG_BITS / 8) {
      throw new UnreadableSecretException(storeKey, "the sealed value is truncated");
    }
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.DECRYPT_MODE, spec,
          new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(stored, body, body + NONCE)));
      cipher.updateAAD(storeKey.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(stored, body + NONCE, stored.length - body - NONCE);
    } catch (GeneralSecurityException e) {
      throw new UnreadableSecretException(storeKey, "the sealed value does not authenticate (altered, or moved"
          + " from another key)");
    }
  }

  private static boolean startsWith(byte[] value, byte[] prefix) {
    return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static int indexOf(byte[] value, byte b, int from) {
    for (int i = from; i < value.length && i < from + 64; i++) {
      if (value[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
