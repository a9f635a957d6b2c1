package dev.gatehouse.kube.authn;

import java.util.List;
import java.util.Map;

/** An authenticated identity, as kube-apiserver's user.Info. */
public record UserInfo(String name, String uid, List<String> groups, Map<String, List<String>> extra) {
  public static final String ANONYMOUS = "system:anonymous";
  public static final String UNAUTHENTICATED = "system:unauthenticated";
  public static final String AUTHENTICATED = "system:authenticated";
  public static final String MASTERS = "system:masters";

  public boolean inGroup(String group) {
    return groups.contains(group);
  }
}
