package dev.gatehouse.aws.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per AWS request, shaped after CloudTrail's records (eventTime, eventSource, eventName,
 * userIdentity, sourceIPAddress, errorCode, errorMessage, requestID), plus {@code gatehouseReason}: why a
 * credential was refused, which the caller only sees as a generic error. Secrets, signatures and session
 * tokens are never written. Lines are queued and written by one background thread; a full queue drops and
 * counts rather than slowing requests.
 */
public final class AwsAuditLog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AwsAuditLog.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Map<String, Object> STOP = Map.of();

  /** What the pipeline knows about one request when it answers. */
  public record Entry(Instant time, String service, String action, String region, String sourceIp,
      String principalType, String principalArn, String account, String accessKeyId, int status, String errorCode,
      String errorMessage, String reason, String requestId) {}

  private final BlockingQueue<Map<String, Object>> queue = new ArrayBlockingQueue<>(10_000);
  private final BufferedWriter out;
  private final Thread writer;
  private final AtomicLong dropped = new AtomicLong();

  private AwsAuditLog(BufferedWriter out) {
    this.out = out;
    this.writer = new Thread(this::drain, "aws-audit-writer");
    writer.setDaemon(true);
    writer.start();
  }

  public static AwsAuditLog open(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return new AwsAuditLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void record(Entry e) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("eventVersion", "1.09");
    r.put("eventTime", e.time().toString());
    r.put("eventSource", e.service() == null ? null : e.service() + ".amazonaws.com");
    r.put("eventName", e.action());
    r.put("awsRegion", e.region());
    r.put("sourceIPAddress", e.sourceIp());
    if (e.principalArn() != null) {
      Map<String, Object> identity = new LinkedHashMap<>();
      identity.put("type", e.principalType());
      identity.put("arn", e.principalArn());
      identity.put("accountId", e.account());
      identity.put("accessKeyId", e.accessKeyId());
      r.put("userIdentity", identity);
    }
    r.put("responseStatus", e.status());
    if (e.errorCode() != null) {
      r.put("errorCode", e.errorCode());
      r.put("errorMessage", e.errorMessage());
    }
    if (e.reason() != null) {
      r.put("gatehouseReason", e.reason());
    }
    r.put("requestID", e.requestId());
    if (!queue.offer(r)) {
      dropped.incrementAndGet();
    }
  }

  public long droppedEntries() {
    return dropped.get();
  }

  private void drain() {
    List<Map<String, Object>> batch = new ArrayList<>();
    try {
      while (true) {
        Map<String, Object> first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, 1000);
        boolean stop = false;
        for (Map<String, Object> r : batch) {
          if (r == STOP) {
            stop = true;
            break;
          }
          out.write(JSON.writeValueAsString(r));
          out.newLine();
        }
        out.flush();
        batch.clear();
        if (stop) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.error("the AWS audit log cannot be written; further entries are lost", e);
    }
  }

  @Override
  public void close() {
    try {
      queue.put(STOP);
      writer.join(5000);
      out.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.warn("closing the AWS audit log: {}", e.getMessage());
    }
  }
}
