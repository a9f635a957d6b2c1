package dev.gatehouse.aws.state;

import dev.gatehouse.aws.eks.model.AccessEntry;
import dev.gatehouse.aws.eks.model.EksCluster;
import dev.gatehouse.aws.model.AccessKey;
import dev.gatehouse.aws.model.Account;
import dev.gatehouse.aws.model.Group;
import dev.gatehouse.aws.model.ManagedPolicy;
import dev.gatehouse.aws.model.OidcProvider;
import dev.gatehouse.aws.model.Role;
import dev.gatehouse.aws.model.User;
import java.util.Locale;

/**
 * Where each AWS entity lives in the store. IAM names are unique case-insensitively within an account, so
 * the key uses the lower-cased name and the record keeps the name as created.
 */
public final class AwsKeys {
  public static final String ROOT = "/aws/";
  static final String ACCOUNTS = ROOT + "accounts/";
  static final String ACCESS_KEYS = ROOT + "access-keys/";
  static final String IAM = ROOT + "iam/";
  static final String EKS_CLUSTERS = ROOT + "eks/clusters/";
  static final String EKS_ACCESS_ENTRIES = ROOT + "eks/access-entries/";
  /** The key that seals STS session tokens (see {@code auth.SessionTokens}). */
  public static final String SESSION_KEY = ROOT + "system/session-token-key";

  private AwsKeys() {}

  public static String account(String id) {
    return ACCOUNTS + id;
  }

  public static String accessKey(String accessKeyId) {
    return ACCESS_KEYS + accessKeyId;
  }

  public static String user(String account, String name) {
    return entityPrefix(account, "users") + lower(name);
  }

  public static String group(String account, String name) {
    return entityPrefix(account, "groups") + lower(name);
  }

  public static String role(String account, String name) {
    return entityPrefix(account, "roles") + lower(name);
  }

  public static String policy(String account, String name) {
    return entityPrefix(account, "policies") + lower(name);
  }

  /** OIDC provider URLs (without scheme) are case-sensitive in their path but unique per host+path. */
  public static String oidcProvider(String account, String url) {
    return entityPrefix(account, "oidc-providers") + url;
  }

  /** EKS cluster names are unique across accounts: each is a logical cluster of this Gatehouse. */
  public static String eksCluster(String name) {
    return EKS_CLUSTERS + name;
  }

  public static String eksClusterPrefix() {
    return EKS_CLUSTERS;
  }

  /** Every access entry of a cluster. */
  public static String accessEntryPrefix(String cluster) {
    return EKS_ACCESS_ENTRIES + cluster + "/";
  }

  /** ARNs contain '/', so the principal ARN is URL-encoded into one key segment. */
  public static String accessEntry(String cluster, String principalArn) {
    return accessEntryPrefix(cluster) + java.net.URLEncoder.encode(principalArn, java.nio.charset.StandardCharsets.UTF_8);
  }

  public static String entityPrefix(String account, String kind) {
    return IAM + account + "/" + kind + "/";
  }

  /** The record type stored under {@code key}, or null for keys that hold raw bytes. */
  static Class<?> typeOf(String key) {
    if (key.startsWith(ACCESS_KEYS)) {
      return AccessKey.class;
    }
    if (key.startsWith(EKS_CLUSTERS)) {
      return EksCluster.class;
    }
    if (key.startsWith(EKS_ACCESS_ENTRIES)) {
      return AccessEntry.class;
    }
    if (key.startsWith(ACCOUNTS)) {
      return Account.class;
    }
    if (key.startsWith(IAM)) {
      int accountEnd = key.indexOf('/', IAM.length());
      int kindEnd = accountEnd < 0 ? -1 : key.indexOf('/', accountEnd + 1);
      if (kindEnd > 0) {
        return switch (key.substring(accountEnd + 1, kindEnd)) {
          case "users" -> User.class;
          case "groups" -> Group.class;
          case "roles" -> Role.class;
          case "policies" -> ManagedPolicy.class;
          case "oidc-providers" -> OidcProvider.class;
          default -> null;
        };
      }
    }
    return null;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
