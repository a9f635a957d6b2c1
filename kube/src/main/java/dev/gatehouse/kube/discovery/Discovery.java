package dev.gatehouse.kube.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.resource.ResourceCatalog;
import dev.gatehouse.kube.resource.ResourceType;
import java.util.List;

/**
 * The discovery documents of one logical cluster: aggregated ({@code apidiscovery.k8s.io} v2 and v2beta1) and
 * legacy ({@code APIVersions}, {@code APIGroupList}, {@code APIGroup}, {@code APIResourceList}).
 */
public final class Discovery {
  public static final String AGGREGATED_V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
  public static final String AGGREGATED_V2BETA1 =
      "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Discovery() {}

  /** Aggregated discovery of the core group ({@code forCore}) or of all named groups. */
  public static ObjectNode aggregated(ResourceCatalog catalog, boolean forCore, String apiVersion) {
    ObjectNode list = F.objectNode();
    list.put("kind", "APIGroupDiscoveryList");
    list.put("apiVersion", "apidiscovery.k8s.io/" + apiVersion);
    list.putObject("metadata");
    ArrayNode items = list.putArray("items");
    for (String group : catalog.groups()) {
      if (group.isEmpty() != forCore) {
        continue;
      }
      ObjectNode item = items.addObject();
      ObjectNode metadata = item.putObject("metadata");
      metadata.put("name", group);
      metadata.putNull("creationTimestamp");
      ArrayNode versions = item.putArray("versions");
      for (String version : catalog.versions(group)) {
        ObjectNode v = versions.addObject();
        v.put("version", version);
        ArrayNode resources = v.putArray("resources");
        for (ResourceType t : catalog.inGroupVersion(group, version)) {
          resources.add(aggregatedResource(t));
        }
        v.put("freshness", "Current");
      }
    }
    return list;
  }

  private static ObjectNode aggregatedResource(ResourceType t) {
    ObjectNode r = F.objectNode();
    r.put("resource", t.plural());
    ObjectNode kind = r.putObject("responseKind");
    kind.put("group", t.group());
    kind.put("version", t.version());
    kind.put("kind", t.kind());
    r.put("scope", t.namespaced() ? "Namespaced" : "Cluster");
    r.put("singularResource", t.singular());
    strings(r, "verbs", t.verbs());
    if (!t.shortNames().isEmpty()) {
      strings(r, "shortNames", t.shortNames());
    }
    if (!t.categories().isEmpty()) {
      strings(r, "categories", t.categories());
    }
    if (!t.subresources().isEmpty()) {
      ArrayNode subs = r.putArray("subresources");
      for (ResourceType.Subresource s : t.subresources()) {
        ObjectNode sub = subs.addObject();
        sub.put("subresource", s.name());
        ObjectNode sk = sub.putObject("responseKind");
        sk.put("group", s.group());
        sk.put("version", s.version());
        sk.put("kind", s.kind());
        strings(sub, "verbs", s.verbs());
      }
    }
    return r;
  }

  /** {@code GET /api}. */
  public static ObjectNode apiVersions(String serverAddress) {
    ObjectNode node = F.objectNode();
    node.put("kind", "APIVersions");
    node.putArray("versions").add("v1");
    ObjectNode cidr = node.putArray("serverAddressByClientCIDRs").addObject();
    cidr.put("clientCIDR", "0.0.0.0/0");
    cidr.put("serverAddress", serverAddress);
    return node;
  }

  /** {@code GET /apis}. */
  public static ObjectNode groupList(ResourceCatalog catalog) {
    ObjectNode node = F.objectNode();
    node.put("kind", "APIGroupList");
    node.put("apiVersion", "v1");
    ArrayNode groups = node.putArray("groups");
    for (String group : catalog.groups()) {
      if (!group.isEmpty()) {
        groups.add(groupBody(catalog, group, F.objectNode()));
      }
    }
    return node;
  }

  /** {@code GET /apis/<group>}. */
  public static ObjectNode group(ResourceCatalog catalog, String group) {
    ObjectNode node = F.objectNode();
    node.put("kind", "APIGroup");
    node.put("apiVersion", "v1");
    return groupBody(catalog, group, node);
  }

  private static ObjectNode groupBody(ResourceCatalog catalog, String group, ObjectNode node) {
    node.put("name", group);
    ArrayNode versions = node.putArray("versions");
    List<String> vs = catalog.versions(group);
    for (String v : vs) {
      ObjectNode gv = versions.addObject();
      gv.put("groupVersion", group + "/" + v);
      gv.put("version", v);
    }
    ObjectNode preferred = node.putObject("preferredVersion");
    preferred.put("groupVersion", group + "/" + vs.get(0));
    preferred.put("version", vs.get(0));
    return node;
  }

  /** {@code GET /api/v1} or {@code /apis/<group>/<version>}. */
  public static ObjectNode resourceList(ResourceCatalog catalog, String group, String version) {
    ObjectNode node = F.objectNode();
    node.put("kind", "APIResourceList");
    node.put("apiVersion", "v1");
    node.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    ArrayNode resources = node.putArray("resources");
    for (ResourceType t : catalog.inGroupVersion(group, version)) {
      ObjectNode r = resources.addObject();
      r.put("name", t.plural());
      r.put("singularName", t.singular());
      r.put("namespaced", t.namespaced());
      r.put("kind", t.kind());
      strings(r, "verbs", t.verbs());
      if (!t.shortNames().isEmpty()) {
        strings(r, "shortNames", t.shortNames());
      }
      if (!t.categories().isEmpty()) {
        strings(r, "categories", t.categories());
      }
      for (ResourceType.Subresource s : t.subresources()) {
        ObjectNode sub = resources.addObject();
        sub.put("name", t.plural() + "/" + s.name());
        sub.put("singularName", "");
        sub.put("namespaced", t.namespaced());
        if (!s.group().equals(t.group()) || !s.version().equals(t.version())) {
          sub.put("group", s.group());
          sub.put("version", s.version());
        }
        sub.put("kind", s.kind());
        strings(sub, "verbs", s.verbs());
      }
    }
    return node;
  }

  private static void strings(ObjectNode node, String field, List<String> values) {
    ArrayNode array = node.putArray(field);
    values.forEach(array::add);
  }
}
