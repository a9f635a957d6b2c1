package dev.gatehouse.kube.auditing;

import dev.gatehouse.kube.audit.AuditUser;
import dev.gatehouse.kube.audit.Level;
import dev.gatehouse.kube.audit.RequestAttributes;
import dev.gatehouse.kube.audit.RequestAudit;
import dev.gatehouse.kube.audit.RequestMetadata;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.request.RequestInfo;
import dev.gatehouse.kube.server.ApiRequest;
import java.util.ArrayList;
import java.util.List;

/** Translations from the API's request types to the audit library's. */
public final class Audits {
  private Audits() {}

  public static RequestMetadata metadata(ApiRequest request, String auditId) {
    return new RequestMetadata(auditId, request.uri(), request.header("user-agent"), sourceIps(request),
        request.receivedAt(), null);
  }

  /** Attributes of a request whose caller is known (user may be null: authentication failed). */
  public static RequestAttributes attributes(UserInfo user, RequestInfo info, String method, String path) {
    String name = user == null ? null : user.name();
    List<String> groups = user == null ? List.of() : user.groups();
    if (info == null) {
      return new RequestAttributes(name, groups, method.toLowerCase(java.util.Locale.ROOT), false, "", "", "", "", "", "",
          path);
    }
    return new RequestAttributes(name, groups, info.verb(), info.resourceRequest(), info.apiGroup(), info.apiVersion(),
        info.resource(), info.subresource(), info.namespace(), info.name(), info.resourceRequest() ? "" : info.path());
  }

  /** At Request level and above the decoded request body is recorded (the audit library redacts secrets). */
  public static void recordRequestBody(RequestAudit audit, ApiRequest request) {
    if (!audit.enabled() || audit.evaluation().level().compareTo(Level.REQUEST) < 0 || request.body().length == 0) {
      return;
    }
    try {
      String type = request.contentType();
      com.fasterxml.jackson.databind.JsonNode body = type.endsWith("yaml")
          ? dev.gatehouse.kube.api.Json.YAML.readTree(request.body())
          : type.equals(dev.gatehouse.kube.codec.BodyDecoder.PROTOBUF)
              ? dev.gatehouse.kube.codec.BodyDecoder.decodeObject(type, request.body())
              : dev.gatehouse.kube.api.Json.MAPPER.readTree(request.body());
      if (request.method().equals("PATCH")) {
        audit.requestPatch(body);
      } else {
        audit.requestObject(body);
      }
    } catch (java.io.IOException | RuntimeException e) {
      // an undecodable body is answered with 400 by the handler; the event simply has no requestObject
    }
  }

  public static AuditUser user(UserInfo user) {
    return new AuditUser(user.name(), user.uid(), user.groups(), user.extra());
  }

  /** X-Forwarded-For entries, then X-Real-Ip, then the peer, without duplicates (upstream's SourceIPs). */
  static List<String> sourceIps(ApiRequest request) {
    List<String> ips = new ArrayList<>();
    String forwarded = request.header("x-forwarded-for");
    if (forwarded != null) {
      for (String ip : forwarded.split(",")) {
        add(ips, ip.trim());
      }
    }
    String real = request.header("x-real-ip");
    if (real != null) {
      add(ips, real.trim());
    }
    add(ips, request.remoteAddress());
    return ips;
  }

  private static void add(List<String> ips, String ip) {
    if (ip != null && !ip.isEmpty() && !ips.contains(ip)) {
      ips.add(ip);
    }
  }
}
