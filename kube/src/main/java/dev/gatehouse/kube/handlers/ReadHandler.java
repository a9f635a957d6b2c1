package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.kube.registry.StorageKeys;
import dev.gatehouse.kube.registry.StoredObject;
import dev.gatehouse.kube.server.ResponseSink;
import dev.gatehouse.store.CompactedException;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RangeResult;
import java.util.ArrayList;
import java.util.List;

/** get and list (with selectors, limit and continue). */
public final class ReadHandler {
  private final ObjectStorage storage;
  private final ObjectResponses responses;
  private final ListItemCache items;

  public ReadHandler(ObjectStorage storage, ObjectResponses responses) {
    this.storage = storage;
    this.responses = responses;
    this.items = new ListItemCache(storage);
  }

  public void get(ResourceContext ctx, ResponseSink sink) {
    StoredObject stored = storage.get(ctx.clusterName(), ctx.type(), ctx.namespace(), ctx.name());
    if (stored == null) {
      throw Errors.notFound(ctx.type().group(), ctx.type().plural(), ctx.name());
    }
    responses.object(ctx, 200, withTypeMeta(ctx, stored.object()), sink);
  }

  public void list(ResourceContext ctx, ResponseSink sink) {
    ObjectFilter filter = Selectors.fromRequest(ctx);
    long limit = parseLimit(ctx.request().queryParam("limit"));
    String continueParam = ctx.request().queryParam("continue");
    String prefix = StorageKeys.listPrefix(ctx.clusterName(), ctx.type(), ctx.namespace());
    long revision = 0;
    String startAfter = null;
    if (continueParam != null && !continueParam.isEmpty()) {
      ContinueToken token = ContinueToken.decode(continueParam);
      revision = token.revision();
      startAfter = prefix + token.startAfter();
    }
    // Plain JSON lists of built-in kinds without selectors reuse serialized items (the common kubectl/informer
    // case); tables, custom resources and filtered lists decode each object.
    boolean raw = filter == ObjectFilter.ALL && !ctx.type().isCustom()
        && !ObjectResponses.wantsTable(ctx.request().header("accept"));
    List<ObjectNode> items = new ArrayList<>();
    List<byte[]> rawItems = new ArrayList<>();
    String nextStart = null;
    long readRevision;
    boolean more;
    try {
      // Fetch in batches until the page is full: selectors may drop items, as the etcd3 store does.
      RangeRequest request = RangeRequest.prefix(prefix).atRevision(revision).withStartAfter(startAfter);
      while (true) {
        RangeResult result = storage.store().range(limit > 0 ? request.withLimit(Math.max(limit, 64)) : request);
        readRevision = result.revision();
        request = request.atRevision(readRevision);
        String lastKey = null;
        boolean full = false;
        for (KeyValue kv : result.kvs()) {
          lastKey = kv.key();
          if (!isDirectChild(ctx, prefix, kv.key())) {
            continue;
          }
          boolean taken;
          if (raw) {
            rawItems.add(this.items.builtinItem(kv));
            taken = true;
          } else {
            ObjectNode object = storage.decode(kv).object();
            taken = filter.matches(object);
            if (taken) {
              items.add(withTypeMeta(ctx, object));
            }
          }
          if (taken) {
            if (limit > 0 && items.size() + rawItems.size() >= limit) {
              full = true;
              break;
            }
          }
        }
        more = full ? (!lastKey.equals(result.kvs().get(result.kvs().size() - 1).key()) || result.more())
            : result.more();
        if (full || !result.more() || lastKey == null) {
          nextStart = more ? lastKey : null;
          break;
        }
        request = request.withStartAfter(lastKey);
      }
    } catch (CompactedException e) {
      throw Errors.gone("The provided continue parameter is too old to display a consistent list result. You can"
          + " start a new list without the continue parameter, or use the continue token in this response to"
          + " retrieve the remainder of the results. Continuing with the provided token results in an"
          + " inconsistent list - objects that were created, modified, or deleted between the time the first"
          + " chunk was returned and now may show up in the list.");
    }
    String token = nextStart == null ? null
        : new ContinueToken(readRevision, nextStart.substring(prefix.length())).encode();
    if (raw) {
      responses.rawList(ctx, rawItems, Long.toString(readRevision), token, sink);
    } else {
      responses.list(ctx, items, Long.toString(readRevision), token, null, sink);
    }
  }

  /** A cluster-scoped or namespaced prefix matches only its own objects, not deeper keys. */
  private static boolean isDirectChild(ResourceContext ctx, String prefix, String key) {
    String rest = key.substring(prefix.length());
    int slashes = (int) rest.chars().filter(c -> c == '/').count();
    boolean allNamespaces = ctx.type().namespaced() && ctx.namespace().isEmpty();
    return slashes == (allNamespaces ? 1 : 0);
  }

  static ObjectNode withTypeMeta(ResourceContext ctx, ObjectNode object) {
    if (!object.has("kind") || !object.has("apiVersion")) {
      ObjectNode ordered = object.objectNode();
      ordered.put("kind", ctx.type().kind());
      ordered.put("apiVersion", ctx.type().apiVersion());
      object.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("kind") && !e.getKey().equals("apiVersion")) {
          ordered.set(e.getKey(), e.getValue());
        }
      });
      return ordered;
    }
    return object;
  }

  static long parseLimit(String value) {
    if (value == null || value.isEmpty()) {
      return 0;
    }
    try {
      long limit = Long.parseLong(value);
      return Math.max(limit, 0);
    } catch (NumberFormatException e) {
      throw Errors.badRequest("invalid limit \"" + value + "\": must be an integer");
    }
  }
}
