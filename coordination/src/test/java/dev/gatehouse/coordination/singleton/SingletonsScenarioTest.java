package dev.gatehouse.coordination.singleton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the scenarios of singleton/scenarios.yaml against a fresh {@link Singletons} each. */
class SingletonsScenarioTest {
  record Task(String name, boolean failsToStart, boolean failsToStop, String rejected) {}

  record Expect(List<String> running, List<String> log) {}

  record Step(Task register, String leadership, Expect expect) {}

  record Scenario(String name, List<Step> steps) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Scenario> scenarios() throws IOException {
    try (InputStream in = SingletonsScenarioTest.class.getResourceAsStream("scenarios.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<Scenario>>() {});
    }
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void scenario(Scenario scenario) {
    Singletons singletons = new Singletons();
    List<String> log = new ArrayList<>();
    for (Step step : scenario.steps()) {
      if (step.register() != null) {
        register(singletons, step.register(), log);
      }
      if (step.leadership() != null) {
        switch (step.leadership()) {
          case "started" -> singletons.onStartedLeading();
          case "stopped" -> singletons.onStoppedLeading();
          default -> throw new IllegalArgumentException("unknown leadership step " + step.leadership());
        }
      }
      if (step.expect() != null) {
        if (step.expect().running() != null) {
          assertThat(singletons.running()).as("running after %s", step).isEqualTo(step.expect().running());
        }
        if (step.expect().log() != null) {
          assertThat(log).as("log after %s", step).isEqualTo(step.expect().log());
        }
      }
    }
  }

  private static void register(Singletons singletons, Task task, List<String> log) {
    SingletonTask fake = new SingletonTask() {
      @Override
      public String name() {
        return task.name();
      }

      @Override
      public AutoCloseable start() {
        log.add("start " + task.name());
        if (task.failsToStart()) {
          throw new IllegalStateException(task.name() + " cannot start");
        }
        return () -> {
          log.add("stop " + task.name());
          if (task.failsToStop()) {
            throw new IllegalStateException(task.name() + " cannot stop");
          }
        };
      }
    };
    if (task.rejected() != null) {
      assertThatThrownBy(() -> singletons.register(fake)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage(task.rejected());
    } else {
      singletons.register(fake);
    }
  }
}
