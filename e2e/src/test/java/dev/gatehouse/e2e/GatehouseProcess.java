package dev.gatehouse.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code gatehouse serve} process started from the built jar, on 127.0.0.1 with a free port and its
 * own data directory. Output goes to {@code <dataDir>/../serve-N.log}.
 */
public final class GatehouseProcess implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("Kubernetes API: (https://\\S+)");
  private static final Pattern AWS_URL = Pattern.compile("AWS endpoint \\([^)]*\\): (https?://\\S+)");
  private static final Pattern EXPORT = Pattern.compile("^export (AWS_[A-Z_]+)=(.*)$");
  private static int starts;

  private final Process process;
  private final Path dataDir;
  private final String url;
  private final Path log;
  private final CompletableFuture<AwsEndpoint> aws;

  /**
   * What serve printed about its AWS endpoint.
   *
   * @param exports the {@code export AWS_…=…} lines, by variable name, in printed order
   */
  public record AwsEndpoint(String url, Map<String, String> exports) {}

  private GatehouseProcess(Process process, Path dataDir, String url, Path log, CompletableFuture<AwsEndpoint> aws) {
    this.process = process;
    this.dataDir = dataDir;
    this.url = url;
    this.log = log;
    this.aws = aws;
  }

  public static Path jar() {
    String jar = System.getProperty("gatehouse.jar", "../cli/target/gatehouse.jar");
    Path path = Path.of(jar).toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new IllegalStateException("gatehouse jar not built: " + path);
    }
    return path;
  }

  /** Starts serve with {@code --kube-port 0} (or the given port) and {@code --aws-port 0} unless given, and waits until it prints its endpoints. */
  public static GatehouseProcess start(Path dataDir, int port, String... extraArgs) throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx1g", "-jar", jar().toString(), "serve",
        "--data-dir", dataDir.toString(), "--kube-port", Integer.toString(port)));
    command.addAll(List.of(extraArgs));
    if (!command.contains("--aws-port")) {
      // Every test server takes a free AWS port too, so no test depends on the default 6480 being free.
      command.addAll(List.of("--aws-port", "0"));
    }
    Path log = dataDir.resolveSibling("serve-" + (++starts) + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<String> url = new CompletableFuture<>();
    CompletableFuture<AwsEndpoint> aws = new CompletableFuture<>();
    Thread pump = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log)) {
        String line;
        String awsUrl = null;
        Map<String, String> awsExports = new LinkedHashMap<>();
        while ((line = reader.readLine()) != null) {
          out.write(line);
          out.newLine();
          out.flush();
          Matcher m = URL.matcher(line);
          if (m.find()) {
            url.complete(m.group(1));
          }
          Matcher a = AWS_URL.matcher(line);
          if (a.find()) {
            awsUrl = a.group(1);
          }
          Matcher e = EXPORT.matcher(line);
          if (e.find()) {
            awsExports.put(e.group(1), e.group(2));
            // The last AWS line serve prints: the endpoint, or the CA bundle after it with --aws-tls.
            String last = awsUrl != null && awsUrl.startsWith("https:") ? "AWS_CA_BUNDLE" : "AWS_ENDPOINT_URL";
            if (e.group(1).equals(last) && awsUrl != null) {
              aws.complete(new AwsEndpoint(awsUrl, Map.copyOf(awsExports)));
            }
          }
        }
      } catch (IOException e) {
        url.completeExceptionally(e);
      }
      url.completeExceptionally(new IllegalStateException("gatehouse exited before serving"));
      aws.completeExceptionally(new IllegalStateException("gatehouse exited before printing its AWS endpoint"));
    }, "gatehouse-output");
    pump.setDaemon(true);
    pump.start();
    try {
      return new GatehouseProcess(process, dataDir, url.get(60, TimeUnit.SECONDS), log, aws);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("gatehouse did not start; log: " + readQuietly(log), e);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public String url() {
    return url;
  }

  public int port() {
    return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
  }

  /**
   * The AWS endpoint's URL and the {@code export AWS_…} lines serve printed after it (they follow the Kubernetes
   * line, so this waits for them). Start with {@code --aws-port 0} to avoid the fixed default port.
   */
  public AwsEndpoint aws() {
    try {
      return aws.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("gatehouse did not print its AWS endpoint; log: " + readQuietly(log), e);
    }
  }

  public Path kubeconfig() {
    return dataDir.resolve("admin.kubeconfig");
  }

  public String log() {
    return readQuietly(log);
  }

  /** SIGKILL: no shutdown hook runs. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(20, TimeUnit.SECONDS);
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
