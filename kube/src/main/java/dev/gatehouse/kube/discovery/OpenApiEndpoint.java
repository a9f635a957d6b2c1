package dev.gatehouse.kube.discovery;

import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.kube.codec.MediaType;
import dev.gatehouse.kube.openapi.v3.OpenApiV3;
import dev.gatehouse.kube.server.ApiRequest;
import dev.gatehouse.kube.server.ResponseSink;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code /openapi/v3} (the index of documents with content hashes) and {@code /openapi/v3/<key>}, each logical
 * cluster seeing its own custom resources; {@code /openapi/v2} is 404, which kubectl 1.32 tolerates (it reads v2
 * only as protobuf). Caching follows kube-apiserver: ETag is the hash, a matching {@code ?hash=} is immutable, a
 * stale one redirects to the current URL.
 */
public final class OpenApiEndpoint {
  private final Function<LogicalCluster, OpenApiV3> documents;

  public OpenApiEndpoint(Function<LogicalCluster, OpenApiV3> documents) {
    this.documents = documents;
  }

  public void serve(ApiRequest request, String path, LogicalCluster cluster, ResponseSink sink) {
    OpenApiV3 docs = documents.apply(cluster);
    if (path.equals("/openapi/v3")) {
      sink.send(200, "application/json", docs.rootJson(""), Map.of());
      return;
    }
    if (!path.startsWith("/openapi/v3/")) {
      throw Errors.pathNotFound();
    }
    String key = path.substring("/openapi/v3/".length());
    if (!docs.hasDocument(key)) {
      throw Errors.pathNotFound();
    }
    if (!acceptsJson(request.header("accept"))) {
      throw Errors.notAcceptable(List.of("application/json"));
    }
    String hash = docs.hash(key);
    String etag = "\"" + hash + "\"";
    String requestedHash = request.queryParam("hash");
    if (requestedHash != null && !requestedHash.equals(hash)) {
      String location = cluster.urlPrefix() + "/openapi/v3/" + key + "?hash=" + hash;
      sink.send(301, "text/plain; charset=utf-8", new byte[0], Map.of("Location", List.of(location)));
      return;
    }
    if (etag.equals(request.header("if-none-match"))) {
      sink.send(304, "application/json", new byte[0], Map.of("Etag", List.of(etag)));
      return;
    }
    Map<String, List<String>> headers = requestedHash == null
        ? Map.of("Etag", List.of(etag), "Vary", List.of("Accept"))
        : Map.of("Etag", List.of(etag), "Vary", List.of("Accept"), "Cache-Control", List.of("public, immutable"),
            "Expires", List.of(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusYears(1))));
    sink.send(200, "application/json", docs.documentJson(key), headers);
  }

  private static boolean acceptsJson(String accept) {
    List<MediaType> ranges = MediaType.parseAccept(accept);
    return ranges.isEmpty() || ranges.stream().anyMatch(MediaType::acceptsJson);
  }
}
