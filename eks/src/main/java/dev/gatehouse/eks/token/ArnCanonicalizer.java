package dev.gatehouse.eks.token;

import java.util.Set;

/**
 * The ARN that {@code aws-auth} mappings and access entries are matched against, as aws-iam-authenticator's
 * {@code arn.Canonicalize} computes it: an STS assumed-role ARN {@code arn:P:sts::A:assumed-role/R/S} becomes
 * the role's IAM ARN {@code arn:P:iam::A:role/R} (every segment between {@code assumed-role} and the session
 * name is kept, but STS never puts the role's path there, so in practice the result has no path); IAM users,
 * roles and the root user, and STS federated users, stay as they are. Anything else, and any partition outside
 * the known ones, is refused with upstream's text.
 */
public final class ArnCanonicalizer {
  /** What kind of principal the ARN names. */
  public enum PrincipalType { ROLE, USER, ROOT, FEDERATED_USER, ASSUMED_ROLE }

  /** The partitions aws-iam-authenticator recognises. */
  public static final Set<String> PARTITIONS =
      Set.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc");

  public sealed interface Result {}

  public record Canonical(PrincipalType type, String arn) implements Result {}

  /** @param message upstream's text, e.g. {@code arn 'x' is invalid: 'arn: invalid prefix'} */
  public record Invalid(String message) implements Result {}

  private ArnCanonicalizer() {
  }

  public static Result canonicalize(String arn) {
    // Go's arn.Parse: the "arn:" prefix and six colon-separated sections, the last one taking the rest.
    if (!arn.startsWith("arn:")) {
      return new Invalid("arn '" + arn + "' is invalid: 'arn: invalid prefix'");
    }
    String[] sections = arn.split(":", 6);
    if (sections.length != 6) {
      return new Invalid("arn '" + arn + "' is invalid: 'arn: not enough sections'");
    }
    String partition = sections[1];
    String service = sections[2];
    String account = sections[4];
    String resource = sections[5];
    if (!PARTITIONS.contains(partition)) {
      return new Invalid("arn '" + arn + "' does not have a recognized partition");
    }
    String[] parts = resource.split("/", -1);
    switch (service) {
      case "sts":
        switch (parts[0]) {
          case "federated-user":
            return new Canonical(PrincipalType.FEDERATED_USER, arn);
          case "assumed-role":
            if (parts.length < 3) {
              return new Invalid("assumed-role arn '" + arn + "' does not have a role");
            }
            String role = String.join("/", java.util.Arrays.asList(parts).subList(1, parts.length - 1));
            return new Canonical(PrincipalType.ASSUMED_ROLE, "arn:" + partition + ":iam::" + account + ":role/" + role);
          default:
            return new Invalid("unrecognized resource " + resource + " for service sts");
        }
      case "iam":
        switch (parts[0]) {
          case "role":
            return new Canonical(PrincipalType.ROLE, arn);
          case "user":
            return new Canonical(PrincipalType.USER, arn);
          case "root":
            return new Canonical(PrincipalType.ROOT, arn);
          default:
            return new Invalid("unrecognized resource " + resource + " for service iam");
        }
      default:
        return new Invalid("service " + service + " in arn " + arn + " is not a valid service for identities");
    }
  }
}
