package dev.gatehouse.aws.model;

import java.security.SecureRandom;
import java.util.OptionalLong;

/**
 * Identifiers in AWS's formats: unique ids ({@code AIDA…} users, {@code AROA…} roles, {@code AGPA…} groups,
 * {@code ANPA…} policies), access key ids ({@code AKIA…} long-term, {@code ASIA…} temporary) and secrets.
 *
 * <p>Access key ids carry their account as AWS's do: the 16 characters after the prefix are the base32 of ten
 * bytes whose first six hold {@code account << 7} plus random low bits, which is what lets
 * {@code sts:GetAccessKeyInfo} answer for any key id, even one that no longer exists.
 */
public final class AwsIds {
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final SecureRandom RANDOM = new SecureRandom();

  private AwsIds() {}

  public static String userId() {
    return "AIDA" + randomBase32(17);
  }

  public static String roleId() {
    return "AROA" + randomBase32(17);
  }

  public static String groupId() {
    return "AGPA" + randomBase32(17);
  }

  public static String policyId() {
    return "ANPA" + randomBase32(17);
  }

  public static String longTermKeyId(String account) {
    return "AKIA" + encodeAccount(account);
  }

  public static String temporaryKeyId(String account) {
    return "ASIA" + encodeAccount(account);
  }

  public static String secretKey() {
    StringBuilder b = new StringBuilder(40);
    for (int i = 0; i < 40; i++) {
      b.append(SECRET_CHARS.charAt(RANDOM.nextInt(SECRET_CHARS.length())));
    }
    return b.toString();
  }

  /** The account encoded in an access key id, if it has the 20-character AKIA/ASIA shape. */
  public static OptionalLong accountOf(String accessKeyId) {
    if (accessKeyId == null || accessKeyId.length() != 20) {
      return OptionalLong.empty();
    }
    long prefix = 0;
    int bits = 0;
    for (int i = 4; i < 20 && bits < 48; i++) {
      int v = BASE32.indexOf(accessKeyId.charAt(i));
      if (v < 0) {
        return OptionalLong.empty();
      }
      prefix = (prefix << 5) | v;
      bits += 5;
    }
    prefix >>>= bits - 48; // the first six bytes
    return OptionalLong.of((prefix & 0x7fffffffff80L) >>> 7);
  }

  private static String encodeAccount(String account) {
    long id = Long.parseLong(account);
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    long prefix = (id << 7) | (bytes[5] & 0x7f);
    for (int i = 0; i < 6; i++) {
      bytes[i] = (byte) (prefix >>> (8 * (5 - i)));
    }
    return base32(bytes);
  }

  private static String base32(byte[] bytes) {
    StringBuilder b = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte x : bytes) {
      buffer = (buffer << 8) | (x & 0xff);
      bits += 8;
      while (bits >= 5) {
        b.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    return b.toString();
  }

  private static String randomBase32(int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(BASE32.charAt(RANDOM.nextInt(32)));
    }
    return b.toString();
  }
}
