package dev.bluegreen.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two deploys on one pair, the second started a little after the first, as two pushes close
 * together without a concurrency group: the later run waits while the environments are busy and
 * resolves the roles again, neither ever deploys to the environment that holds production, and the
 * last run that succeeded describes the end state.
 */
class OverlappingRunsIT {

  /** A run and the virtual instant it ended. */
  private record Ended(String label, Stage.Run run, Instant at) {}

  @ParameterizedTest(name = "the second deploy starts {0} s after the first")
  @ValueSource(ints = {5, 60, 134, 150})
  void twoDeploysOnOnePair(int offsetSeconds) throws Exception {
    try (Stage stage = Stage.pair()) {
      List<String> deploysToProduction = new CopyOnWriteArrayList<>();
      stage
          .sim
          .calls()
          .onCall(
              call -> {
                if (call.operation().equals("UpdateEnvironment")
                    && call.parameters().get("EnvironmentName").equals(stage.liveName())) {
                  deploysToProduction.add(call.time() + " " + call.parameters());
                }
              });
      Callable<Ended> first = () -> deploy(stage, "v2");
      Callable<Ended> second =
          () -> {
            stage.time.sleep(Duration.ofSeconds(offsetSeconds));
            return deploy(stage, "v3");
          };

      List<Ended> ended = stage.time.runConcurrently(List.of(first, second));

      assertThat(deploysToProduction).as("deployments to the production environment").isEmpty();
      stage.assertProductionAlwaysServed();
      for (Ended e : ended) {
        String result = e.run().outputs().get("result");
        assertThat(e.run().exit()).as(e.label() + ": " + e.run().log()).isIn(0, 1);
        assertThat(result).as(e.label() + ": " + e.run().log()).isIn("promoted", "overtaken");
        if (result.equals("overtaken")) {
          assertThat(e.run().summary()).contains("Overtaken by another run", "Another run ");
        }
      }
      Ended last =
          ended.stream()
              .filter(
                  e -> e.run().exit() == 0 && "promoted".equals(e.run().outputs().get("result")))
              .max(Comparator.comparing(Ended::at))
              .orElseThrow(() -> new AssertionError("no run succeeded: " + ended));
      LostAnswersIT.assertOutputsMatchTheSimulator(stage, last.run());
      assertThat(last.run().outputs()).containsEntry("version-label", last.label());
    }
  }

  private static Ended deploy(Stage stage, String label) {
    Stage.Run run =
        stage.run(
            Stage.swapArgs(
                "deploy",
                "--version-label",
                label,
                "--source-bundle",
                stage.bundle(label, null).toString()));
    return new Ended(label, run, stage.time.now());
  }
}
