package dev.gatehouse.aws.auth;

import dev.gatehouse.aws.model.Role;
import dev.gatehouse.aws.model.User;

/** Who signed a request, as SigV4 verification established it. */
public sealed interface Caller {
  String account();

  /** The ARN GetCallerIdentity reports and AccessDenied messages name. */
  String arn();

  /** aws:userid: AIDA… for users, AROA…:session for role sessions. */
  String userId();

  /** aws:PrincipalType. */
  String principalType();

  String accessKeyId();

  /** The IAM user acting (long-term key or GetSessionToken session), else null. */
  default User user() {
    return null;
  }

  /** The role acting, else null. */
  default Role role() {
    return null;
  }

  /** The temporary credential's claims, else null (long-term key). */
  default SessionClaims session() {
    return null;
  }

  /** An IAM user signing with one of its long-term access keys. */
  record UserCaller(User user, String accessKeyId) implements Caller {
    public String account() {
      return user.account();
    }

    public String arn() {
      return user.arn();
    }

    public String userId() {
      return user.id();
    }

    public String principalType() {
      return "User";
    }
  }

  /** A user's GetSessionToken credentials: the user's permissions, from a temporary key. */
  record UserSessionCaller(User user, SessionClaims session) implements Caller {
    public String account() {
      return user.account();
    }

    public String arn() {
      return user.arn();
    }

    public String userId() {
      return user.id();
    }

    public String principalType() {
      return "User";
    }

    public String accessKeyId() {
      return session.accessKeyId();
    }
  }

  /** A role session from AssumeRole or AssumeRoleWithWebIdentity. The ARN omits the role's path, as STS's does. */
  record RoleSessionCaller(Role role, SessionClaims session) implements Caller {
    public String account() {
      return role.account();
    }

    public String arn() {
      return "arn:aws:sts::" + role.account() + ":assumed-role/" + role.name() + "/" + session.sessionName();
    }

    public String userId() {
      return role.id() + ":" + session.sessionName();
    }

    public String principalType() {
      return "AssumedRole";
    }

    public String accessKeyId() {
      return session.accessKeyId();
    }
  }
}
