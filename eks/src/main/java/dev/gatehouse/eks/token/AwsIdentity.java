package dev.gatehouse.eks.token;

/**
 * Who a verified {@code k8s-aws-v1} token belongs to, as GetCallerIdentity would have answered, plus the
 * canonical form the mappers match on.
 *
 * @param arn the caller's ARN as STS reports it (for a role session {@code arn:aws:sts::A:assumed-role/R/S})
 * @param canonicalArn the ARN mappers match: an assumed role becomes {@code arn:aws:iam::A:role/R} (no path,
 *     since STS never reports it); users, root and federated users stay as they are
 * @param accountId the caller's account
 * @param userId STS's UserId: {@code AIDA…} for users, {@code AROA…:SESSION} for role sessions
 * @param principalId the unique id of the principal itself: {@code AIDA…} or {@code AROA…} (no session)
 * @param sessionName the role session name, null for users
 * @param accessKeyId the key that signed the token
 */
public record AwsIdentity(String arn, String canonicalArn, String accountId, String userId, String principalId,
    String sessionName, String accessKeyId) {}
