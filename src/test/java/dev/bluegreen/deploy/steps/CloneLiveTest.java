package dev.bluegreen.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Envs;
import dev.bluegreen.deploy.Tags;
import dev.bluegreen.deploy.Topology;
import dev.bluegreen.plan.Step.Result;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.Undo;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloneLiveTest {

  private static final Topology.Clone CLONE = new Topology.Clone("app-blue", "app-green");
  private static final String TEMPLATE = "bluegreen-app-green-run-1";

  private Harness h = Harness.cloneDeploy();

  private Undo undo() {
    return new CloneLive(h.ctx, CLONE).undo().orElseThrow();
  }

  @Test
  void copiesThePermanentEnvironmentIntoTheTemporaryOne() throws Exception {
    h.resolve(h.live("v1"), null);

    Result<Environment> r = new CloneLive(h.ctx, CLONE).run(h.log);

    assertThat(h.aws.writes())
        .containsExactly(
            "createTemplate(" + TEMPLATE + ", e-app-blue)",
            "createEnvironment(app-green, " + TEMPLATE + ", v1, null)",
            "deleteTemplate(" + TEMPLATE + ")");
    assertThat(h.aws.launched().get(0).tags())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Tags.MANAGED_BY,
                Tags.TOOL,
                Tags.ROLE,
                Tags.TEMPORARY,
                Tags.RUN_ID,
                "run-1",
                Tags.PRODUCTION_CNAME,
                Harness.PRODUCTION));
    Environment clone = r.value();
    assertThat(r.detail()).isEqualTo("created app-green (" + clone.cname() + ") running v1");
    assertThat(clone.stateLine()).isEqualTo("Ready/Green (Ok)");
    assertThat(h.production().roles().standby()).contains(clone);
    assertThat(h.production().roles().live().name()).isEqualTo("app-blue");
  }

  @Test
  void aCloneThatNeverGetsHealthy_failsTheStep() {
    h = Harness.cloneDeploy("wait-timeout", "10m");
    h.resolve(h.live("v1"), null);
    h.aws.nextLaunchOf("app-green", Envs.becomes("Launching", "Grey"));
    StepFailure f = h.failure(new CloneLive(h.ctx, CLONE));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f.getMessage())
        .startsWith("Timed out after 10m waiting for app-green to launch healthy");
    assertThat(h.elapsed()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void undo_terminatesTheCloneAtOnceWhenItNeverServedProduction() throws Exception {
    h.resolve(h.live("v1"), h.aws.put(Envs.named("app-green").build()));
    Undo undo = undo();
    assertThat(undo.description()).isEqualTo("terminate the temporary app-green");

    Undo.Outcome o = undo.run(h.log);

    assertThat(o).isEqualTo(Undo.Outcome.reverted("terminating app-green"));
    assertThat(h.aws.writes()).containsExactly("terminate(app-green)");
    assertThat(h.elapsed()).isZero();
  }

  @ParameterizedTest(name = "drain-time {0}")
  @CsvSource({"60s, 60", "5m, 300", "0s, 0"})
  void undo_letsAFormerProductionEnvironmentDrainFirst(String drainTime, long seconds)
      throws Exception {
    h = Harness.cloneDeploy("drain-time", drainTime);
    h.resolve(h.live("v1"), h.aws.put(Envs.named("app-green").build()));
    h.production().movedTo("app-green", Harness.T0); // swap to the clone
    h.production().movedTo("app-blue", Harness.T0); // and back: the clone lost production now

    assertThat(undo().run(h.log).kind()).isEqualTo(Undo.Kind.REVERTED);

    assertThat(h.elapsed()).isEqualTo(Duration.ofSeconds(seconds));
    assertThat(h.aws.writes()).containsExactly("terminate(app-green)");
  }

  @Test
  void undo_keepsTheCloneWhenACancelLeavesNoTimeToDrain() throws Exception {
    h.resolve(h.live("v1"), h.aws.put(Envs.named("app-green").build()));
    h.production().movedTo("app-green", Harness.T0);
    h.production().movedTo("app-blue", Harness.T0);
    h.cancellation.request("SIGTERM", h.time.clock());

    Undo.Outcome o = undo().run(h.log);

    assertThat(o)
        .isEqualTo(
            Undo.Outcome.unchanged(
                "kept app-green: no time left to drain it before terminating "
                    + "(cancelled); run cleanup later"));
    assertThat(h.aws.writes()).isEmpty();
  }

  @Test
  void undo_neverTerminatesTheCloneWhileItHoldsProduction() throws Exception {
    Environment permanent = h.aws.put(Envs.named("app-blue").cname("app-green-gen2").build());
    h.resolve(h.aws.put(Envs.named("app-green").cname("app").build()), permanent);
    assertThat(undo().run(h.log))
        .isEqualTo(Undo.Outcome.unchanged("kept app-green: it holds the production CNAME"));
    assertThat(h.aws.writes()).isEmpty();
  }

  @Test
  void undo_keepsTheCloneWithKeepTemporary() throws Exception {
    h = Harness.cloneDeploy("keep-temporary", "true");
    h.resolve(h.live("v1"), h.aws.put(Envs.named("app-green").build()));
    assertThat(undo().run(h.log))
        .isEqualTo(Undo.Outcome.unchanged("kept app-green (keep-temporary: true)"));
    assertThat(h.aws.calls()).isEmpty();
  }

  @ParameterizedTest(name = "clone {0}")
  @CsvSource({"missing", "Terminating", "Terminated"})
  void undo_hasNothingToDoWithoutAClone(String state) throws Exception {
    h.resolve(h.live("v1"), null);
    if (!state.equals("missing")) {
      h.aws.put(Envs.named("app-green").status(state).build());
    }
    assertThat(undo().run(h.log)).isEqualTo(Undo.Outcome.unchanged("app-green does not exist"));
    assertThat(h.aws.writes()).isEmpty();
  }

  @Test
  void undo_reportsARefusedTerminationForCleanupLater() throws Exception {
    h.resolve(h.live("v1"), h.aws.put(Envs.named("app-green").build()));
    h.aws.failOnce("terminate", "InvalidParameterValue", 400, "Environment is in an invalid state");
    assertThat(undo().run(h.log))
        .isEqualTo(
            Undo.Outcome.unchanged(
                "could not terminate app-green: Environment is in an "
                    + "invalid state; run cleanup later"));
  }
}
