package dev.gatehouse.kube.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.api.Json;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.kube.codec.MediaType;
import dev.gatehouse.kube.discovery.Discovery;
import dev.gatehouse.kube.handlers.ResourceEndpoint;
import dev.gatehouse.kube.discovery.OpenApiEndpoint;
import dev.gatehouse.kube.request.RequestInfo;
import dev.gatehouse.kube.serviceaccounts.IssuerDiscovery;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Routes an admitted request: version, health, discovery, OpenAPI, or a resource. */
public final class Router implements KubeApi.Endpoints {
  private final ResourceEndpoint resources;
  private final IssuerDiscovery issuerDiscovery;
  private final OpenApiEndpoint openApi;
  private final ObjectNode version;
  private final BooleanSupplier storeHealthy;
  private final String serverAddress;

  public Router(ResourceEndpoint resources, OpenApiEndpoint openApi, IssuerDiscovery issuerDiscovery,
      ObjectNode version, BooleanSupplier storeHealthy, String serverAddress) {
    this.resources = resources;
    this.issuerDiscovery = issuerDiscovery;
    this.openApi = openApi;
    this.version = version;
    this.storeHealthy = storeHealthy;
    this.serverAddress = serverAddress;
  }

  @Override
  public void serve(ApiRequest request, RequestInfo info, LogicalCluster cluster, UserInfo user, ResponseSink sink) {
    if (info.resourceRequest()) {
      resources.serve(request, info, cluster, user, sink);
      return;
    }
    String path = stripTrailingSlash(request.path());
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      throw Errors.pathNotFound();
    }
    switch (path) {
      case "/version" -> json(sink, version);
      case "/healthz", "/livez", "/readyz" -> health(path.substring(1), request, sink);
      case IssuerDiscovery.CONFIGURATION, IssuerDiscovery.JWKS -> issuerDiscovery.serve(path, cluster, sink);
      case "/api" -> discovery(request, sink, cluster, true);
      case "/apis" -> discovery(request, sink, cluster, false);
      default -> {
        if (path.startsWith("/openapi/")) {
          openApi.serve(request, path, cluster, sink);
        } else if (path.startsWith("/api/") || path.startsWith("/apis/")) {
          groupDiscovery(path, cluster, sink);
        } else {
          throw Errors.pathNotFound();
        }
      }
    }
  }

  private void discovery(ApiRequest request, ResponseSink sink, LogicalCluster cluster, boolean core) {
    for (MediaType m : MediaType.parseAccept(request.header("accept"))) {
      if (m.asKind("APIGroupDiscoveryList", "apidiscovery.k8s.io", "v2")) {
        send(sink, Discovery.AGGREGATED_V2, Discovery.aggregated(cluster.catalog(), core, "v2"));
        return;
      }
      if (m.asKind("APIGroupDiscoveryList", "apidiscovery.k8s.io", "v2beta1")) {
        send(sink, Discovery.AGGREGATED_V2BETA1, Discovery.aggregated(cluster.catalog(), core, "v2beta1"));
        return;
      }
      if (m.acceptsJson()) {
        break;
      }
    }
    json(sink, core ? Discovery.apiVersions(serverAddress) : Discovery.groupList(cluster.catalog()));
  }

  private void groupDiscovery(String path, LogicalCluster cluster, ResponseSink sink) {
    String[] parts = path.substring(1).split("/");
    var catalog = cluster.catalog();
    if (parts[0].equals("api") && parts.length == 2 && catalog.servesGroupVersion("", parts[1])) {
      json(sink, Discovery.resourceList(catalog, "", parts[1]));
    } else if (parts[0].equals("apis") && parts.length == 2 && !catalog.versions(parts[1]).isEmpty()
        && !parts[1].isEmpty()) {
      json(sink, Discovery.group(catalog, parts[1]));
    } else if (parts[0].equals("apis") && parts.length == 3 && catalog.servesGroupVersion(parts[1], parts[2])) {
      json(sink, Discovery.resourceList(catalog, parts[1], parts[2]));
    } else {
      throw Errors.pathNotFound();
    }
  }

  private void health(String check, ApiRequest request, ResponseSink sink) {
    boolean ok = storeHealthy.getAsBoolean();
    if (request.query().containsKey("verbose")) {
      String body = "[+]ping ok\n[+]log ok\n" + (ok ? "[+]etcd ok\n" : "[-]etcd failed: reason withheld\n")
          + (ok ? check + " check passed\n" : check + " check failed\n");
      sink.send(ok ? 200 : 500, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), Map.of());
      return;
    }
    sink.send(ok ? 200 : 500, "text/plain; charset=utf-8",
        (ok ? "ok" : "[-]etcd failed: reason withheld\n" + check + " check failed").getBytes(StandardCharsets.UTF_8),
        Map.of());
  }

  private static String stripTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static void json(ResponseSink sink, ObjectNode body) {
    send(sink, "application/json", body);
  }

  private static void send(ResponseSink sink, String contentType, ObjectNode body) {
    sink.send(200, contentType, Json.bytes(body), Map.of());
  }

}
