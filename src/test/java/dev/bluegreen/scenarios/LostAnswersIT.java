package dev.bluegreen.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.simulator.Call;
import dev.bluegreen.simulator.Seed;
import dev.bluegreen.simulator.beanstalk.SimEnvironment;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every call that changes something, carried out by Elastic Beanstalk and answered with an error
 * (the simulator's lost-answer fault), through the real SDK: the run goes on from what is true. No
 * swap is made twice, production is served all along, the run that completed its work succeeds, and
 * its outputs name what the simulator really holds.
 */
class LostAnswersIT {

  private static final String TEMPORARY = "shop-tmp";

  /**
   * One lost answer (or, with {@code applied} false, one error before anything was done).
   *
   * @param swaps the swaps the deploy intends
   */
  record Case(
      String operation,
      int status,
      int times,
      boolean applied,
      boolean cloneStrategy,
      boolean standbyMissing,
      int swaps,
      List<String> more) {
    @Override
    public String toString() {
      return (cloneStrategy ? "clone" : "swap")
          + (standbyMissing ? " (standby missing)" : "")
          + ": "
          + operation
          + (applied ? " carried out, answered " : " not carried out, answered ")
          + status
          + (times > 1 ? " ×" + times : "");
    }
  }

  static Stream<Case> cases() {
    List<String> none = List.of();
    List<String> retire = List.of("--terminate-standby", "true", "--drain-time", "1m");
    return Stream.of(
        new Case("SwapEnvironmentCNAMEs", 500, 1, true, false, false, 1, none),
        new Case("SwapEnvironmentCNAMEs", 503, 1, true, false, false, 1, none),
        new Case("SwapEnvironmentCNAMEs", 500, 1, false, false, false, 1, none),
        new Case("UpdateEnvironment", 500, 1, true, false, false, 1, none),
        new Case("CreateApplicationVersion", 500, 1, true, false, false, 1, none),
        new Case("TerminateEnvironment", 500, 1, true, false, false, 1, retire),
        new Case("CreateEnvironment", 500, 1, true, false, true, 1, none),
        new Case("CreateConfigurationTemplate", 503, 1, true, false, true, 1, none),
        new Case("DeleteConfigurationTemplate", 500, 1, true, false, true, 1, none),
        new Case("SwapEnvironmentCNAMEs", 500, 2, true, true, false, 2, none),
        new Case("UpdateEnvironment", 503, 1, true, true, false, 2, none),
        new Case("CreateEnvironment", 500, 1, true, true, false, 2, none),
        new Case("TerminateEnvironment", 500, 1, true, true, false, 2, none));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theRunGoesOnFromWhatIsTrue(Case c) {
    Seed seed =
        c.cloneStrategy() || c.standbyMissing() ? Seed.single(Stage.APP) : Seed.pair(Stage.APP);
    try (Stage stage = new Stage(seed)) {
      if (c.applied()) {
        stage.sim.faults().loseAnswer(c.operation(), c.status(), null, c.times());
      } else {
        stage.sim.faults().failOperation(c.operation(), c.status(), "InternalFailure", "Boom.", 1);
      }
      String[] more = c.more().toArray(String[]::new);
      Stage.Run run =
          stage.run(
              c.cloneStrategy()
                  ? stage.cloneDeployArgs(TEMPORARY, null, more)
                  : stage.swapDeployArgs(null, more));

      List<Call> failed =
          stage.sim.calls().matching(call -> call.operation().equals(c.operation()));
      assertThat(failed).as("the fault was hit").anyMatch(call -> call.status() == c.status());
      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(run.outputs()).containsEntry("result", "promoted");
      if (c.applied()) {
        assertThat(run.log()).contains("was carried out");
      } else {
        assertThat(run.log()).contains("was not carried out; trying once more");
      }
      long effectiveSwaps =
          stage.sim.beanstalk().operations().stream()
              .filter(o -> o.name().equals("SwapEnvironmentCNAMEs"))
              .count();
      assertThat(effectiveSwaps).as("swaps carried out").isEqualTo(c.swaps());
      assertOutputsMatchTheSimulator(stage, run);
      stage.assertProductionAlwaysServed();
    }
  }

  /** What the outputs say is live is what holds production, running what they say. */
  static void assertOutputsMatchTheSimulator(Stage stage, Stage.Run run) {
    String live = stage.liveName();
    SimEnvironment.Snapshot snapshot = stage.sim.beanstalk().environment(live).orElseThrow();
    assertThat(run.outputs())
        .as(run.log())
        .containsEntry("live-environment", live)
        .containsEntry("live-cname", snapshot.cname())
        .containsEntry("version-label", snapshot.versionLabel());
    assertThat(stage.sim.beanstalk().environment(live).orElseThrow().runningVersion())
        .isEqualTo(run.outputs().get("version-label"));
  }
}
