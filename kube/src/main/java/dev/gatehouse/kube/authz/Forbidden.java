package dev.gatehouse.kube.authz;

import dev.gatehouse.kube.api.StatusException;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.request.RequestInfo;

/** The 403 of a denied request, worded as kube-apiserver's responsewriters.ForbiddenStatusError. */
public final class Forbidden {
  private Forbidden() {}

  public static StatusException of(UserInfo user, RequestInfo info, String reason) {
    String suffix = reason == null || reason.isEmpty() ? "" : ": " + reason;
    if (!info.resourceRequest()) {
      return new StatusException(403, "Forbidden", escape("forbidden: User \"" + user.name() + "\" cannot "
          + info.verb() + " path \"" + info.path() + "\"" + suffix), StatusException.StatusDetails.of(null, null, null));
    }
    String resource = info.subresource().isEmpty() ? info.resource() : info.resource() + "/" + info.subresource();
    String qualified = info.apiGroup().isEmpty() ? info.resource() : info.resource() + "." + info.apiGroup();
    String scope = info.namespace().isEmpty() ? "at the cluster scope" : "in the namespace \"" + info.namespace() + "\"";
    String message = qualified + (info.name().isEmpty() ? "" : " \"" + info.name() + "\"") + " is forbidden: User \""
        + user.name() + "\" cannot " + info.verb() + " resource \"" + resource + "\" in API group \""
        + info.apiGroup() + "\" " + scope + suffix;
    return new StatusException(403, "Forbidden", escape(message),
        StatusException.StatusDetails.of(info.name(), info.apiGroup(), info.resource()));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
