package dev.gatehouse.kube.impersonation;

import dev.gatehouse.kube.api.StatusException;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.authz.Authorizer;
import dev.gatehouse.kube.authz.Decision;
import dev.gatehouse.kube.authz.Forbidden;
import dev.gatehouse.kube.request.RequestInfo;
import dev.gatehouse.kube.server.ApiRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code Impersonate-User}, {@code -Group}, {@code -Uid} and {@code -Extra-<key>} headers (kubectl {@code --as},
 * {@code --as-group}, {@code --as-uid}, {@code --as-user-extra}): each requested attribute is authorized with the
 * {@code impersonate} verb as kube-apiserver's impersonation filter does (users, groups, service accounts, uids,
 * user extras); the first refusal is a 403 with the upstream message.
 */
public final class Impersonation {
  private static final String SA_PREFIX = "system:serviceaccount:";
  private static final String EXTRA_PREFIX = "impersonate-extra-";
  private final Authorizer authorizer;

  public Impersonation(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  /** The identity the request acts as: the requester itself, or whom it may impersonate. */
  public UserInfo apply(ApiRequest request, String cluster, UserInfo requester) {
    String user = request.header("impersonate-user");
    String uid = request.header("impersonate-uid");
    List<String> groups = request.headerValues("impersonate-group");
    Map<String, List<String>> extra = new LinkedHashMap<>();
    request.headers().forEach((name, values) -> {
      if (name.startsWith(EXTRA_PREFIX)) {
        String key = URLDecoder.decode(name.substring(EXTRA_PREFIX.length()).toLowerCase(Locale.ROOT),
            StandardCharsets.UTF_8);
        extra.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values);
      }
    });
    if (user == null) {
      if (uid != null || !groups.isEmpty() || !extra.isEmpty()) {
        throw new StatusException(500, "InternalError",
            "Internal error occurred: requested groups, uid or user extra without impersonating a user", null);
      }
      return requester;
    }
    List<String> resultGroups = new ArrayList<>(groups);
    if (user.startsWith(SA_PREFIX) && user.substring(SA_PREFIX.length()).contains(":")) {
      String[] parts = user.substring(SA_PREFIX.length()).split(":", 2);
      check(requester, resource(cluster, "", "serviceaccounts", "", parts[0], parts[1]));
      if (groups.isEmpty()) {
        resultGroups.add("system:serviceaccounts");
        resultGroups.add("system:serviceaccounts:" + parts[0]);
      }
    } else {
      check(requester, resource(cluster, "", "users", "", "", user));
    }
    for (String group : groups) {
      check(requester, resource(cluster, "", "groups", "", "", group));
    }
    for (Map.Entry<String, List<String>> e : extra.entrySet()) {
      for (String value : e.getValue()) {
        check(requester, resource(cluster, "authentication.k8s.io", "userextras", e.getKey(), "", value));
      }
    }
    if (uid != null) {
      check(requester, resource(cluster, "authentication.k8s.io", "uids", "", "", uid));
    }
    String implicit = user.equals(UserInfo.ANONYMOUS) ? UserInfo.UNAUTHENTICATED : UserInfo.AUTHENTICATED;
    if (!resultGroups.contains(implicit)) {
      resultGroups.add(implicit);
    }
    return new UserInfo(user, uid == null ? "" : uid, List.copyOf(resultGroups), Map.copyOf(extra));
  }

  private void check(UserInfo requester, RequestInfo attributes) {
    Decision decision = authorizer.authorize(requester, attributes);
    if (decision.kind() != Decision.Kind.ALLOW) {
      throw Forbidden.of(requester, attributes, decision.reason());
    }
  }

  private static RequestInfo resource(String cluster, String group, String resource, String subresource,
      String namespace, String name) {
    return new RequestInfo(cluster, true, "", "impersonate", "", group, "", namespace, resource, subresource, name);
  }
}
