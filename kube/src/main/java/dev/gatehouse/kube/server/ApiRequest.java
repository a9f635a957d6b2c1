package dev.gatehouse.kube.server;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the API layer sees it, independent of the HTTP library: the path below the logical
 * cluster prefix, query parameters, headers (lower-case names) and the whole body.
 */
public record ApiRequest(String method, String cluster, String clusterPrefix, String path,
    Map<String, List<String>> query, Map<String, List<String>> headers, byte[] body,
    List<X509Certificate> peerCertificates, String uri, String remoteAddress, java.time.Instant receivedAt) {

  public String queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public List<String> headerValues(String name) {
    return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
  }

  /** The media type of the body without parameters, lower-cased ("" when absent). */
  public String contentType() {
    String value = header("content-type");
    if (value == null) {
      return "";
    }
    int semi = value.indexOf(';');
    return (semi < 0 ? value : value.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
  }
}
