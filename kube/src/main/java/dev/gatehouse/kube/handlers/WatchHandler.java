package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.api.Json;
import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.kube.registry.StorageKeys;
import dev.gatehouse.kube.server.ResponseSink;
import dev.gatehouse.kube.tables.Tables;
import dev.gatehouse.store.CompactedException;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * watch: a chunked stream of {@code {"type":...,"object":...}} lines from the store's watch. Without a
 * resourceVersion the stream starts with ADDED events for the current state, as kube-apiserver does; with
 * one, it replays changes after it (410 Gone when compacted). Objects are Tables when asked for (column
 * definitions in the first event only). The stream stays open until timeoutSeconds (default 30-60 minutes).
 */
public final class WatchHandler {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ObjectStorage storage;
  private final Tables tables;
  private final Clock clock;
  private final ScheduledExecutorService timers;

  public WatchHandler(ObjectStorage storage, Tables tables, Clock clock, ScheduledExecutorService timers) {
    this.storage = storage;
    this.tables = tables;
    this.clock = clock;
    this.timers = timers;
  }

  public void watch(ResourceContext ctx, ResponseSink sink) {
    ObjectFilter filter = Selectors.fromRequest(ctx);
    String prefix = StorageKeys.listPrefix(ctx.clusterName(), ctx.type(), ctx.namespace());
    String rvParam = ctx.request().queryParam("resourceVersion");
    boolean table = ObjectResponses.wantsTable(ctx.request().header("accept"));
    boolean bookmarks = "true".equals(ctx.request().queryParam("allowWatchBookmarks"));
    String includeObject = ObjectResponses.includeObject(ctx);
    Duration timeout = timeout(ctx.request().queryParam("timeoutSeconds"));
    EventEncoder encoder = new EventEncoder(ctx, table, includeObject);

    long after;
    List<ObjectNode> initial = List.of();
    if (rvParam == null || rvParam.isEmpty() || rvParam.equals("0")) {
      // "Get State and Start at Most Recent": synthetic ADDED events for what exists now.
      var range = storage.store().range(dev.gatehouse.store.RangeRequest.prefix(prefix));
      after = range.revision();
      initial = range.kvs().stream().map(kv -> storage.decode(kv).object()).filter(filter::matches).toList();
    } else {
      after = WriteHandler.parseResourceVersion(ctx, rvParam);
    }
    String contentType = table ? ObjectResponses.TABLE_CONTENT_TYPE : "application/json";
    Watch watch;
    Object lock = new Object();
    // The revision up to which this watcher has seen everything: what a bookmark may promise.
    java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong(after);
    sink.startStream(contentType, Map.of());
    synchronized (lock) {
      for (ObjectNode object : initial) {
        sink.write(encoder.encode("ADDED", object));
      }
    }
    try {
      watch = storage.store().watch(prefix, after, new WatchListener() {
        @Override
        public void onEvents(List<WatchEvent> events) {
          synchronized (lock) {
            for (WatchEvent event : events) {
              seen.accumulateAndGet(event.revision(), Math::max);
              byte[] line = encoder.encode(event, filter);
              if (line != null && !sink.write(line)) {
                return;
              }
            }
          }
        }

        @Override
        public void onProgress(long revision) {
          seen.accumulateAndGet(revision, Math::max);
          if (bookmarks) {
            synchronized (lock) {
              sink.write(encoder.bookmark(revision));
            }
          }
        }

        @Override
        public void onClosed(Throwable cause) {
          sink.end();
        }
      });
    } catch (CompactedException e) {
      ObjectNode status = Errors.gone("too old resource version: " + after + " (" + e.compactRevision() + ")")
          .toStatus();
      ObjectNode event = F.objectNode();
      event.put("type", "ERROR");
      event.set("object", status);
      sink.write(lineOf(event));
      sink.end();
      return;
    }
    var timer = timers.schedule(() -> {
      watch.close();
      if (bookmarks) {
        // kube-apiserver sends a last bookmark as a watch times out, so the client resumes from there
        synchronized (lock) {
          sink.write(encoder.bookmark(seen.get()));
        }
      }
      sink.end();
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    sink.onClose(() -> {
      timer.cancel(false);
      watch.close();
    });
  }

  static byte[] lineOf(ObjectNode event) {
    byte[] json = Json.bytes(event);
    byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    return line;
  }

  private static Duration timeout(String value) {
    if (value != null && !value.isEmpty()) {
      try {
        long seconds = Long.parseLong(value);
        if (seconds > 0) {
          return Duration.ofSeconds(seconds);
        }
      } catch (NumberFormatException e) {
        throw Errors.badRequest("invalid timeoutSeconds \"" + value + "\"");
      }
    }
    return Duration.ofMinutes(30 + ThreadLocalRandom.current().nextInt(30));
  }

  /** Encodes events as watch lines; the first Table event carries the column definitions. */
  private final class EventEncoder {
    private final ResourceContext ctx;
    private final boolean table;
    private final String includeObject;
    private boolean columnsSent;

    EventEncoder(ResourceContext ctx, boolean table, String includeObject) {
      this.ctx = ctx;
      this.table = table;
      this.includeObject = includeObject;
    }

    byte[] encode(WatchEvent event, ObjectFilter filter) {
      if (event.type() == WatchEvent.Type.DELETE) {
        if (event.prevKv() == null) {
          return null;
        }
        ObjectNode old = storage.decode(event.prevKv()).object();
        old.withObject("/metadata").put("resourceVersion", Long.toString(event.kv().modRevision()));
        return filter.matches(old) ? encode("DELETED", old) : null;
      }
      ObjectNode object = storage.decode(event.kv()).object();
      boolean matchesNow = filter.matches(object);
      boolean matchedBefore = event.prevKv() != null && filter.matches(storage.decode(event.prevKv()).object());
      if (matchesNow) {
        return encode(event.prevKv() == null || !matchedBefore ? "ADDED" : "MODIFIED", object);
      }
      return matchedBefore ? encode("DELETED", object) : null;
    }

    byte[] encode(String type, ObjectNode object) {
      ObjectNode withType = ReadHandler.withTypeMeta(ctx, object);
      ObjectNode event = F.objectNode();
      event.put("type", type);
      if (table) {
        ObjectNode t = tables.table(ctx.type(), List.of(withType), includeObject, clock.instant(), !columnsSent);
        t.withObject("/metadata").put("resourceVersion", object.path("metadata").path("resourceVersion").asText());
        columnsSent = true;
        event.set("object", t);
      } else {
        event.set("object", withType);
      }
      return lineOf(event);
    }

    byte[] bookmark(long revision) {
      ObjectNode object = F.objectNode();
      object.put("kind", table ? "Table" : ctx.type().kind());
      object.put("apiVersion", table ? "meta.k8s.io/v1" : ctx.type().apiVersion());
      object.putObject("metadata").put("resourceVersion", Long.toString(revision));
      ObjectNode event = F.objectNode();
      event.put("type", "BOOKMARK");
      event.set("object", object);
      return lineOf(event);
    }
  }
}
