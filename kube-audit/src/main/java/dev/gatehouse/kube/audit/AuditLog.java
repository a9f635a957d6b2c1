package dev.gatehouse.kube.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * kube-apiserver's JSON log backend ({@code --audit-log-path}, {@code --audit-log-format=json}): one event per line.
 *
 * <p><b>Never blocks the API.</b> {@link #process} only puts the event on a bounded queue; a single writer thread
 * serialises and writes. When the queue is full the event is dropped, counted ({@link #droppedEvents()}) and a
 * warning is logged at most every ten seconds. (Upstream's log backend is blocking by default; Gatehouse prefers
 * losing audit lines under overload to stalling requests.) The writer flushes whenever the queue runs empty and at
 * least every {@link Settings#flushInterval()} under sustained load; {@link #close()} writes everything already
 * queued, flushes and closes the file. Rotation is not supported.
 */
public final class AuditLog implements AuditSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int MAX_BATCH = 512;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** Wakes the writer on close; never written. */
    private static final AuditEvent WAKE_UP = AuditEvent.builder().level(Level.NONE).stage(Stage.PANIC).build();

    /**
     * @param queueCapacity events that may wait for the writer before new ones are dropped
     * @param flushInterval the longest time a written event stays in the buffer under sustained load
     */
    public record Settings(int queueCapacity, Duration flushInterval) {
        public static final Settings DEFAULT = new Settings(10_000, Duration.ofSeconds(1));

        public Settings {
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be positive: " + queueCapacity);
            }
            if (flushInterval.isNegative() || flushInterval.isZero()) {
                throw new IllegalArgumentException("flushInterval must be positive: " + flushInterval);
            }
        }
    }

    private final String name;
    private final Writer out;
    private final boolean closeStream;
    private final long flushIntervalNanos;
    private final BlockingQueue<AuditEvent> queue;
    private final Thread writer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastDropWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);
    private long lastFailureWarning = System.nanoTime() - WARNING_INTERVAL_NANOS;

    private AuditLog(String name, OutputStream stream, boolean closeStream, Settings settings) {
        this.name = name;
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        this.closeStream = closeStream;
        this.flushIntervalNanos = settings.flushInterval().toNanos();
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.writer = new Thread(this::run, "gatehouse-audit-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** Appends to {@code file} with {@link Settings#DEFAULT}. */
    public static AuditLog open(Path file) throws IOException {
        return open(file, Settings.DEFAULT);
    }

    /**
     * Appends to {@code file}, creating it and its directory if needed. A new file is readable by its owner only
     * where the file system supports POSIX permissions: audit logs are sensitive.
     */
    public static AuditLog open(Path file, Settings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        createOwnerOnly(file);
        OutputStream stream = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        return new AuditLog(file.toString(), stream, true, settings);
    }

    /**
     * Writes to a stream the caller owns (kube-apiserver's {@code --audit-log-path=-} is standard output). On
     * {@link #close()} the stream is flushed but not closed.
     */
    public static AuditLog toStream(OutputStream stream, Settings settings) {
        return new AuditLog("stream", Objects.requireNonNull(stream, "stream"), false,
                Objects.requireNonNull(settings, "settings"));
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first; appending is still right.
        }
    }

    /** Queues the event; never blocks. Events arriving after {@link #close()} are dropped. */
    @Override
    public void process(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        if (closed.get() || !queue.offer(event)) {
            long total = dropped.incrementAndGet();
            warnDropped(total);
        }
    }

    /** Events not written because the queue was full or the log was closed. */
    public long droppedEvents() {
        return dropped.get();
    }

    /** Events handed to the file (they may still sit in the buffer until the next flush). */
    public long writtenEvents() {
        return written.get();
    }

    /** Events lost to I/O or serialisation errors. */
    public long failedEvents() {
        return failed.get();
    }

    /** Writes what is queued, flushes and closes the file. Waits for the writer at most 30 seconds. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.offer(WAKE_UP);
        try {
            writer.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            LOG.warn("Audit log {} did not finish writing within {}; {} events may be lost", name, CLOSE_TIMEOUT,
                    queue.size());
        }
    }

    private void warnDropped(long total) {
        long now = System.nanoTime();
        long last = lastDropWarning.get();
        if (now - last >= WARNING_INTERVAL_NANOS && lastDropWarning.compareAndSet(last, now)) {
            LOG.warn("Audit log {} cannot keep up or is closed: {} audit events dropped so far", name, total);
        }
    }

    private void run() {
        List<AuditEvent> batch = new ArrayList<>(MAX_BATCH);
        StringBuilder line = new StringBuilder(1024);
        long lastFlush = System.nanoTime();
        boolean unflushed = false;
        while (true) {
            AuditEvent first = null;
            try {
                first = queue.poll(flushIntervalNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // Nobody else interrupts this thread; treat it as a request to stop after draining.
                closed.set(true);
            }
            if (first != null) {
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                for (AuditEvent event : batch) {
                    if (event != WAKE_UP) {
                        unflushed |= write(event, line);
                    }
                }
                batch.clear();
            }
            long now = System.nanoTime();
            if (unflushed && (queue.isEmpty() || now - lastFlush >= flushIntervalNanos)) {
                flush();
                unflushed = false;
                lastFlush = now;
            }
            if (closed.get() && queue.isEmpty()) {
                break;
            }
        }
        finish();
    }

    private boolean write(AuditEvent event, StringBuilder line) {
        try {
            line.setLength(0);
            AuditEventJson.write(event, line);
            line.append('\n');
            out.append(line);
            written.incrementAndGet();
            return true;
        } catch (IOException | RuntimeException e) {
            failed.incrementAndGet();
            warnFailure("write audit event " + event.auditId(), e);
            return false;
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            warnFailure("flush", e);
        }
    }

    private void finish() {
        try {
            if (closeStream) {
                out.close();
            } else {
                out.flush();
            }
        } catch (IOException e) {
            LOG.error("Audit log {}: failed to close", name, e);
        }
    }

    /** Only the writer thread calls this, so the plain field is safe. */
    private void warnFailure(String action, Exception e) {
        long now = System.nanoTime();
        if (now - lastFailureWarning >= WARNING_INTERVAL_NANOS) {
            lastFailureWarning = now;
            LOG.error("Audit log {}: failed to {} ({} events lost so far)", name, action, failed.get(), e);
        }
    }
}
