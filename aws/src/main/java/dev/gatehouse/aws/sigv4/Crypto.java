package dev.gatehouse.aws.sigv4;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256 and HMAC-SHA256 with one reusable instance per thread (creating them costs more than using them). */
final class Crypto {
  private static final String HMAC_SHA256 = "HmacSHA256";
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("sigv4: the JDK has no SHA-256", e);
    }
  });
  private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
    try {
      return Mac.getInstance(HMAC_SHA256);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("sigv4: the JDK has no HmacSHA256", e);
    }
  });

  private Crypto() {
  }

  static byte[] sha256(byte[] data) {
    MessageDigest digest = SHA256.get();
    digest.reset();
    return digest.digest(data);
  }

  static byte[] hmac(byte[] key, byte[] data) {
    Mac mac = HMAC.get();
    try {
      mac.init(new SecretKeySpec(key, HMAC_SHA256));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("sigv4: cannot initialise HmacSHA256", e);
    }
    return mac.doFinal(data);
  }
}
