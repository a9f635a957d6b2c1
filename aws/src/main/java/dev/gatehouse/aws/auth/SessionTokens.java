package dev.gatehouse.aws.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals {@link SessionClaims} into an opaque session token (AES-256-GCM; the claims are authenticated and
 * private) and derives the session's secret access key from the key id (HMAC-SHA256), so neither the token
 * nor the secret needs a store write and every replica sharing the 32-byte key can verify them.
 */
public final class SessionTokens {
  private static final byte VERSION = 1;
  private static final int NONCE = 12;
  private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  });

  private final SecretKeySpec sealKey;
  private final SecretKeySpec secretKey;
  private final SecureRandom random = new SecureRandom();

  public SessionTokens(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the session-token key must be 32 bytes");
    }
    byte[] seal = hmac(key, "seal");
    byte[] secrets = hmac(key, "secrets");
    this.sealKey = new SecretKeySpec(seal, "AES");
    this.secretKey = new SecretKeySpec(secrets, "HmacSHA256");
  }

  public static byte[] newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  public String seal(SessionClaims claims) {
    try {
      byte[] plain = JSON.writeValueAsBytes(claims);
      byte[] nonce = new byte[NONCE];
      random.nextBytes(nonce);
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(new byte[] {VERSION});
      byte[] sealed = cipher.doFinal(plain);
      byte[] out = new byte[1 + NONCE + sealed.length];
      out[0] = VERSION;
      System.arraycopy(nonce, 0, out, 1, NONCE);
      System.arraycopy(sealed, 0, out, 1 + NONCE, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a session token", e);
    }
  }

  /** The claims of a token this key sealed; empty for anything else (tampered, foreign, garbage). */
  public Optional<SessionClaims> open(String token) {
    if (token == null || token.isEmpty() || token.length() > 16_384) {
      return Optional.empty();
    }
    try {
      byte[] raw = Base64.getDecoder().decode(token);
      if (raw.length < 1 + NONCE + 16 || raw[0] != VERSION) {
        return Optional.empty();
      }
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(128, raw, 1, NONCE));
      cipher.updateAAD(new byte[] {VERSION});
      byte[] plain = cipher.doFinal(raw, 1 + NONCE, raw.length - 1 - NONCE);
      return Optional.of(JSON.readValue(plain, SessionClaims.class));
    } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  /** The secret access key of temporary key id {@code accessKeyId}. */
  public String secretFor(String accessKeyId) {
    byte[] mac = hmac(secretKey.getEncoded(), accessKeyId);
    return Base64.getEncoder().encodeToString(Arrays.copyOf(mac, 30));
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
