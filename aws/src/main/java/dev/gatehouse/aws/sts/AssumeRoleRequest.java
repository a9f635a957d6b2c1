package dev.gatehouse.aws.sts;

import dev.gatehouse.aws.api.Params;
import dev.gatehouse.aws.model.Tag;
import dev.gatehouse.aws.protocol.QueryStruct;
import dev.gatehouse.iam.policy.Policies;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parameters AssumeRole and AssumeRoleWithWebIdentity share, validated as STS validates them.
 *
 * @param durationSeconds absent: the default (one hour, capped by the role's maximum)
 */
record AssumeRoleRequest(String roleArn, String sessionName, Optional<Integer> durationSeconds,
    Optional<String> policy, List<String> policyArns, List<Tag> tags, List<String> transitiveTagKeys,
    Optional<String> externalId, Optional<String> sourceIdentity) {
  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
  private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:\\/-]*");
  private static final int PACKED_LIMIT = 2048;

  static AssumeRoleRequest parse(Params p) {
    String roleArn = p.required("RoleArn");
    p.checkLength("RoleArn", roleArn, 20, 2048);
    String session = p.required("RoleSessionName");
    p.checkLength("RoleSessionName", session, 2, 64);
    if (!SESSION_NAME.matcher(session).matches()) {
      throw Params.patternError("RoleSessionName", session, SESSION_NAME.pattern());
    }
    Optional<Integer> duration = p.optional("DurationSeconds").map(v -> p.integer("DurationSeconds", 3600, 900, 43200));
    Optional<String> policy = p.optional("Policy");
    policy.ifPresent(doc -> p.checkLength("Policy", doc, 1, 2048));
    List<String> arns = new ArrayList<>();
    for (QueryStruct s : p.request().structs("PolicyArns")) {
      s.get("arn").ifPresent(arns::add);
    }
    if (arns.size() > 10) {
      throw Params.invalid("Value '" + arns + "' at 'policyArns' failed to satisfy constraint: Member must have"
          + " length less than or equal to 10");
    }
    List<Tag> tags = p.tags("Tags");
    Optional<String> externalId = p.optional("ExternalId");
    externalId.ifPresent(id -> {
      p.checkLength("ExternalId", id, 2, 1224);
      if (!EXTERNAL_ID.matcher(id).matches()) {
        throw Params.patternError("ExternalId", id, EXTERNAL_ID.pattern());
      }
    });
    Optional<String> sourceIdentity = p.optional("SourceIdentity");
    sourceIdentity.ifPresent(id -> p.checkLength("SourceIdentity", id, 2, 64));
    return new AssumeRoleRequest(roleArn, session, duration, policy, List.copyOf(arns), tags,
        p.members("TransitiveTagKeys"), externalId, sourceIdentity);
  }

  /**
   * The share of STS's packed-policy allowance the session policy, managed session policy ARNs and session
   * tags use, in percent; above 100 the request fails with PackedPolicyTooLarge.
   */
  int packedPolicySize() {
    int used = policy.map(Policies::nonWhitespaceLength).orElse(0) + 25 * policyArns.size();
    for (Tag t : tags) {
      used += t.key().length() + t.value().length() + 4;
    }
    return (int) Math.ceil(used * 100.0 / PACKED_LIMIT);
  }

  boolean packsAnything() {
    return policy.isPresent() || !policyArns.isEmpty() || !tags.isEmpty();
  }
}
