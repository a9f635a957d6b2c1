package dev.gatehouse.kube.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00.123456Z");

    @TempDir
    Path dir;

    @Test
    void writesOneJsonLinePerEventAndReadsBack() throws Exception {
        Path file = dir.resolve("logs/audit.log");
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(event("id-" + i, i % 2 == 0 ? Stage.REQUEST_RECEIVED : Stage.RESPONSE_COMPLETE));
        }
        try (AuditLog log = AuditLog.open(file)) {
            events.forEach(log::process);
        }

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).containsExactlyElementsOf(events.stream().map(AuditEvent::toJson).toList());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode parsed = TestData.JSON.readTree(lines.get(i));
            assertThat(parsed.path("kind").asText()).isEqualTo("Event");
            assertThat(parsed.path("auditID").asText()).isEqualTo("id-" + i);
            assertThat(parsed.path("user").path("username").asText()).isEqualTo("alice");
        }
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void appendsToAnExistingFile() throws Exception {
        Path file = dir.resolve("audit.log");
        Files.writeString(file, "previous line\n");
        try (AuditLog log = AuditLog.open(file)) {
            log.process(event("a", Stage.RESPONSE_COMPLETE));
        }
        assertThat(Files.readAllLines(file)).containsExactly("previous line", event("a", Stage.RESPONSE_COMPLETE).toJson());
    }

    @Test
    void flushesWithoutBeingClosed() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, new AuditLog.Settings(100, Duration.ofMillis(50)))) {
            log.process(event("early", Stage.REQUEST_RECEIVED));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (Files.size(file) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(Files.readAllLines(file)).containsExactly(event("early", Stage.REQUEST_RECEIVED).toJson());
        }
    }

    @Test
    void concurrentProducersLoseNothingWhenTheQueueIsLargeEnough() throws Exception {
        Path file = dir.resolve("audit.log");
        int threads = 8;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (AuditLog log = AuditLog.open(file, new AuditLog.Settings(threads * perThread, Duration.ofMillis(100)))) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        log.process(event(thread + "-" + i, Stage.RESPONSE_COMPLETE));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(threads * perThread);
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            ids.add(TestData.JSON.readTree(line).path("auditID").asText());
        }
        assertThat(ids).hasSize(threads * perThread);
    }

    @Test
    void dropsInsteadOfBlockingWhenTheWriterIsStuck() throws Exception {
        CountDownLatch writeEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream stuck = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writeEntered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                sink.write(b, off, len);
            }
        };
        AuditLog log = AuditLog.toStream(stuck, new AuditLog.Settings(4, Duration.ofMillis(10)));
        log.process(event("first", Stage.RESPONSE_COMPLETE));
        assertThat(writeEntered.await(5, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            log.process(event("burst-" + i, Stage.RESPONSE_COMPLETE));
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(elapsedMillis).isLessThan(2_000);
        assertThat(log.droppedEvents()).isEqualTo(96);
        release.countDown();
        log.close();
        assertThat(log.writtenEvents()).isEqualTo(5);
        String[] lines = sink.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo(event("first", Stage.RESPONSE_COMPLETE).toJson());
    }

    @Test
    void eventsAfterCloseAreCountedAsDroppedAndCloseIsIdempotent() throws Exception {
        Path file = dir.resolve("audit.log");
        AuditLog log = AuditLog.open(file);
        log.process(event("kept", Stage.RESPONSE_COMPLETE));
        log.close();
        log.process(event("late", Stage.RESPONSE_COMPLETE));
        log.close();
        assertThat(log.droppedEvents()).isEqualTo(1);
        assertThat(Files.readAllLines(file)).containsExactly(event("kept", Stage.RESPONSE_COMPLETE).toJson());
    }

    private static AuditEvent event(String id, Stage stage) {
        return AuditEvent.builder()
                .level(Level.METADATA)
                .auditId(id)
                .stage(stage)
                .requestUri("/api/v1/namespaces/default/pods?limit=500&watch=false")
                .verb("list")
                .user(AuditUser.of("alice", List.of("system:authenticated")))
                .sourceIps(List.of("127.0.0.1"))
                .objectRef(new ObjectReference("pods", "default", "", "", "", "v1", "", ""))
                .responseStatus(stage == Stage.RESPONSE_COMPLETE ? ResponseStatus.ofCode(200) : null)
                .requestReceivedTimestamp(T0)
                .stageTimestamp(T0.plusMillis(3))
                .build();
    }
}
