package dev.gatehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every kubectl scenario against a freshly started Gatehouse, once per kubeconfig context: "gatehouse"
 * (the default cluster at /) and "dev" (the logical cluster at /clusters/dev), each with a fresh HOME.
 */
class KubectlScenarioTest {
  private static final String[] SCENARIOS = {
      "configmaps.yaml", "discovery.yaml", "apply.yaml", "patch.yaml", "errors.yaml", "watch.yaml",
      "namespaces.yaml", "selectors.yaml", "workloads.yaml", "protobuf-create.yaml", "deployments.yaml", "crds.yaml",
      "explain.yaml", "rbac-objects.yaml", "auth.yaml", "rbac-walkthrough.yaml"};

  @TempDir
  Path temp;

  @TestFactory
  Stream<DynamicNode> scenarios() throws Exception {
    Kubectl.require();
    List<DynamicNode> nodes = new ArrayList<>();
    String only = System.getProperty("scenario", "");
    for (String file : SCENARIOS) {
      if (!only.isEmpty() && !only.equals(file)) {
        continue;
      }
      Scenario scenario;
      try (InputStream in = getClass().getResourceAsStream("/scenarios/" + file)) {
        assertThat(in).as("scenario file " + file).isNotNull();
        scenario = Scenario.load(file, in);
      }
      nodes.add(DynamicContainer.dynamicContainer(file, Stream.of(DynamicTest.dynamicTest(scenario.description(),
          () -> run(scenario)))));
    }
    return nodes.stream();
  }

  private void run(Scenario scenario) throws Exception {
    Path dir = Files.createTempDirectory(temp, scenario.name().replace(".yaml", ""));
    try (GatehouseProcess server = GatehouseProcess.start(dir.resolve("data"), 0, "--cluster", "dev")) {
      for (String context : scenario.contexts()) {
        Path work = Files.createDirectories(dir.resolve("work-" + context));
        for (var file : scenario.files().entrySet()) {
          Kubectl.write(work.resolve(file.getKey()), file.getValue());
        }
        Kubectl kubectl = new Kubectl(Files.createDirectories(dir.resolve("home-" + context)), server.kubeconfig(),
            work);
        try {
          runSteps(scenario, context, kubectl, server);
        } catch (AssertionError e) {
          String log = server.log();
          throw new AssertionError(e.getMessage() + "\n--- server log (tail) ---\n"
              + log.substring(Math.max(0, log.length() - 4000)), e);
        }
      }
    }
  }

  private static void runSteps(Scenario scenario, String context, Kubectl kubectl, GatehouseProcess server)
      throws Exception {
    Map<String, Process> background = new HashMap<>();
    Map<String, StringBuilder> backgroundOut = new HashMap<>();
    try {
      int index = 0;
      for (Scenario.Step step : scenario.steps()) {
        index++;
        String where = scenario.name() + " [context " + context + "] step " + index + " (kubectl " + step.kubectl()
            + ")";
        if (step.background() != null) {
          List<String> args = withContext(step.kubectl(), context);
          Process p = kubectl.start(args);
          StringBuilder out = new StringBuilder();
          Thread pump = new Thread(() -> {
            try (var in = p.getInputStream()) {
              byte[] buf = new byte[4096];
              int n;
              while ((n = in.read(buf)) > 0) {
                synchronized (out) {
                  out.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                }
              }
            } catch (java.io.IOException ignored) {
              // process ended
            }
          });
          pump.setDaemon(true);
          pump.start();
          background.put(step.background(), p);
          backgroundOut.put(step.background(), out);
          continue;
        }
        if (step.expectBackground() != null) {
          StringBuilder out = backgroundOut.get(step.expectBackground());
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(step.within());
          String seen;
          while (true) {
            synchronized (out) {
              seen = out.toString();
            }
            if (step.stdoutContains().stream().allMatch(seen::contains) || System.nanoTime() > deadline) {
              break;
            }
            Thread.sleep(50);
          }
          for (String expected : step.stdoutContains()) {
            assertThat(seen).as(where + ": background output").contains(expected);
          }
          continue;
        }
        // retry: the step may be re-run for that many seconds until it passes (eventually consistent controllers)
        long retryUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(step.retry());
        while (true) {
          try {
            check(step, where, kubectl.run(withContext(step.kubectl(), context), step.stdin(), 60));
            break;
          } catch (AssertionError e) {
            if (System.nanoTime() > retryUntil) {
              throw e;
            }
            Thread.sleep(200);
          }
        }
      }
    } finally {
      for (Process p : background.values()) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static void check(Scenario.Step step, String where, Kubectl.Result result) {
    String detail = where + "\nstdout:\n" + result.stdout() + "\nstderr:\n" + result.stderr();
    assertThat(result.exitCode()).as(detail).isEqualTo(step.exit() == null ? 0 : step.exit());
    if (step.stdout() != null) {
      assertThat(result.stdout()).as(detail).isEqualTo(step.stdout());
    }
    for (String expected : step.stdoutContains()) {
      assertThat(result.stdout()).as(detail).contains(expected);
    }
    for (String absent : step.stdoutLacks()) {
      assertThat(result.stdout()).as(detail).doesNotContain(absent);
    }
    if (step.stdoutMatches() != null) {
      assertThat(result.stdout()).as(detail).matches(java.util.regex.Pattern.compile(step.stdoutMatches(),
          java.util.regex.Pattern.DOTALL));
    }
    if (step.stderr() != null) {
      assertThat(result.stderr()).as(detail).isEqualTo(step.stderr());
    }
    for (String expected : step.stderrContains()) {
      assertThat(result.stderr()).as(detail).contains(expected);
    }
  }

  private static List<String> withContext(String commandLine, String context) {
    List<String> args = new ArrayList<>(Scenario.split(commandLine));
    args.add("--context=" + context);
    return args;
  }
}
