package dev.gatehouse.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where start-up time goes, logged once serving begins (the JVM's own start counts from process start). */
final class StartupTimes {
  private static final Logger log = LoggerFactory.getLogger(StartupTimes.class);
  private final List<String> phases = new ArrayList<>();
  private long last = ManagementFactory.getRuntimeMXBean().getStartTime();

  void mark(String phase) {
    long now = System.currentTimeMillis();
    phases.add(phase + " " + (now - last) + " ms");
    last = now;
  }

  void log() {
    long total = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    log.info("serving {} ms after process start ({})", total, String.join(", ", phases));
  }
}
