package dev.gatehouse.aws.sts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.aws.auth.Caller;
import dev.gatehouse.iam.policy.Decision;
import dev.gatehouse.iam.policy.EvaluationResult;
import dev.gatehouse.iam.policy.MatchedStatement;
import dev.gatehouse.iam.policy.RequestContext;
import dev.gatehouse.iam.policy.Statement;
import dev.gatehouse.iam.policy.condition.ConditionClause;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encoded authorization messages, as AWS services attach them to some denials ("Encoded authorization failure
 * message: …") and sts:DecodeAuthorizationMessage opens them. The decision document has AWS's DecodedMessage
 * shape: {@code allowed}, {@code explicitDeny}, {@code matchedStatements}, {@code failures} and a {@code context}
 * with the principal, action, resource and the request's condition keys, lists written as {@code {"items":[…]}}.
 *
 * <p>It is deflated and sealed with AES-256-GCM under a key derived from the session-token key (HMAC-SHA256 with a
 * label of its own, so the two uses never share a key), bound to the principal's account: only this Gatehouse
 * (and replicas sharing the key) can open it, and only for a caller of the same account.
 */
public final class AuthorizationMessages {
  /** The longest EncodedMessage DecodeAuthorizationMessage accepts. */
  static final int MAX_ENCODED = 10240;
  private static final byte VERSION = 1;
  private static final int NONCE = 12;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  /** @param sessionTokenKey the 32-byte key session tokens are sealed with (see {@code auth.SessionTokens}) */
  public AuthorizationMessages(byte[] sessionTokenKey) {
    if (sessionTokenKey.length != 32) {
      throw new IllegalArgumentException("the session-token key must be 32 bytes");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(sessionTokenKey, "HmacSHA256"));
      this.key = new SecretKeySpec(mac.doFinal("authorization-messages".getBytes(StandardCharsets.UTF_8)), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The encoded message for one authorization decision.
   *
   * @param context the request's condition keys as the evaluation saw them
   */
  public String encode(Caller caller, String action, String resource, EvaluationResult result, RequestContext context) {
    String encoded = seal(caller.account(), document(caller, action, resource, result, context, true));
    // Keep within what DecodeAuthorizationMessage accepts: a request with very many keys loses its context keys.
    return encoded.length() <= MAX_ENCODED ? encoded
        : seal(caller.account(), document(caller, action, resource, result, context, false));
  }

  /** The decision document a message carries, if this Gatehouse sealed it for {@code account}. */
  public Optional<String> decode(String encoded, String account) {
    try {
      byte[] raw = Base64.getUrlDecoder().decode(encoded);
      if (raw.length < 1 + NONCE + 16 || raw[0] != VERSION) {
        return Optional.empty();
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, raw, 1, NONCE));
      cipher.updateAAD(aad(account));
      return Optional.of(inflate(cipher.doFinal(raw, 1 + NONCE, raw.length - 1 - NONCE)));
    } catch (IllegalArgumentException | GeneralSecurityException | DataFormatException e) {
      return Optional.empty();
    }
  }

  String seal(String account, String document) {
    try {
      byte[] nonce = new byte[NONCE];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(aad(account));
      byte[] sealed = cipher.doFinal(deflate(document));
      byte[] out = new byte[1 + NONCE + sealed.length];
      out[0] = VERSION;
      System.arraycopy(nonce, 0, out, 1, NONCE);
      System.arraycopy(sealed, 0, out, 1 + NONCE, sealed.length);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal an authorization message", e);
    }
  }

  static String document(Caller caller, String action, String resource, EvaluationResult result,
      RequestContext context, boolean withConditions) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("allowed", result.decision() == Decision.ALLOWED);
    doc.put("explicitDeny", result.decision() == Decision.EXPLICIT_DENY);
    ArrayNode matched = items(doc, "matchedStatements");
    for (MatchedStatement m : result.matchedStatements()) {
      matched.add(statement(m, caller));
    }
    items(doc, "failures");
    ObjectNode ctx = doc.putObject("context");
    ObjectNode principal = ctx.putObject("principal");
    principal.put("id", caller.userId());
    if (caller instanceof Caller.UserCaller || caller instanceof Caller.UserSessionCaller) {
      principal.put("name", caller.user().name());
    }
    principal.put("arn", caller.arn());
    ctx.put("action", action);
    ctx.put("resource", resource);
    ArrayNode conditions = items(ctx, "conditions");
    if (withConditions) {
      for (String key : context.keys()) {
        conditions.add(condition(key, context.get(key).orElse(List.of())));
      }
    }
    return doc.toString();
  }

  private static ObjectNode statement(MatchedStatement m, Caller caller) {
    Statement s = m.source().policy().statements().get(m.statementIndex());
    ObjectNode out = JSON.createObjectNode();
    out.put("statementId", m.sid() == null ? "" : m.sid());
    out.put("effect", m.effect().name());
    items(out, "principals").addObject().put("value", caller.userId());
    items(out, "principalGroups");
    ArrayNode actions = items(out, "actions");
    s.actions().forEach(a -> actions.addObject().put("value", a));
    ArrayNode resources = items(out, "resources");
    s.resources().forEach(r -> resources.addObject().put("value", r));
    ArrayNode conditions = items(out, "conditions");
    for (ConditionClause c : s.conditions()) {
      conditions.add(condition(c.writtenKey(), c.writtenValues()));
    }
    return out;
  }

  private static ObjectNode condition(String key, List<String> values) {
    ObjectNode out = JSON.createObjectNode();
    out.put("key", key);
    ArrayNode items = items(out, "values");
    values.forEach(v -> items.addObject().put("value", v));
    return out;
  }

  private static ArrayNode items(ObjectNode parent, String name) {
    return parent.putObject(name).putArray("items");
  }

  private static byte[] aad(String account) {
    return ("gatehouse-authorization-message:" + account).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] deflate(String text) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static String inflate(byte[] data) throws DataFormatException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("truncated");
        }
        out.write(buffer, 0, n);
        if (out.size() > 1 << 20) {
          throw new DataFormatException("too large");
        }
      }
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      inflater.end();
    }
  }
}
