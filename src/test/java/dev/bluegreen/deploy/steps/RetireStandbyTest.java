package dev.bluegreen.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Envs;
import dev.bluegreen.plan.Step.Result;
import dev.bluegreen.plan.StepFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetireStandbyTest {

  private Harness h = Harness.deploy("terminate-standby", "true");

  /** app-green took production at T0; app-blue is the standby, draining from then. */
  private void swappedAtT0() {
    h.resolve(h.live("v1"), h.standby("v2"));
    h.aws.swapCnames("app-green", "app-blue");
    h.production().movedTo("app-green", Harness.T0);
  }

  private RetireStandby step() {
    return new RetireStandby(h.ctx, "terminate-old-live");
  }

  @ParameterizedTest(name = "drain-time {0}, {1}s already passed: waits {2}s")
  @CsvSource({"60s, 0, 60", "60s, 45, 15", "60s, 90, 0", "0s, 0, 0", "10m, 0, 600"})
  void theOldLiveIsTerminatedOnceItHasDrained(String drainTime, long passed, long waits)
      throws Exception {
    h = Harness.deploy("terminate-standby", "true", "drain-time", drainTime);
    swappedAtT0();
    h.time.advance(Duration.ofSeconds(passed));

    Result<Void> r = step().run(h.log);

    assertThat(r.detail()).isEqualTo("terminating app-blue");
    assertThat(h.elapsed()).isEqualTo(Duration.ofSeconds(passed + waits));
    assertThat(h.aws.writes())
        .containsExactly("swapCnames(app-green, app-blue)", "terminate(app-blue)");
    assertThat(h.aws.current("app-blue"))
        .map(Environment::status)
        .contains(Environment.TERMINATING);
  }

  @Test
  void theWaitIsLoggedAndTitled() throws Exception {
    swappedAtT0();
    assertThat(step().title()).isEqualTo("Terminate app-blue after 1m of draining");
    step().run(h.log);
    assertThat(h.logText())
        .contains(
            "waiting 1m for DNS caches to let go of app-blue (drain-time)",
            "TerminateEnvironment app-blue (request req-2)");
  }

  @Test
  void aStandbyThatNeverServedInThisRun_isTerminatedAtOnce() throws Exception {
    h.resolve(h.live("v1"), h.standby("v0"));
    step().run(h.log);
    assertThat(h.elapsed()).isZero();
    assertThat(h.aws.writes()).containsExactly("terminate(app-green)");
  }

  @Test
  void aCancelThatLeavesNoTimeToDrain_keepsItRunning() {
    swappedAtT0();
    h.cancellation.request("SIGTERM", h.time.clock());
    StepFailure f = h.failure(step());
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.CANCELLED);
    assertThat(f).hasMessage("cancelled while app-blue was draining; it keeps running");
    assertThat(h.aws.count("terminate")).isZero();
  }

  @Test
  void anEnvironmentAlreadyGone_isSkipped() throws Exception {
    swappedAtT0();
    h.aws.terminate("app-blue");
    Result<Void> r = step().run(h.log);
    assertThat(r.skipped()).isTrue();
    assertThat(r.detail()).isEqualTo("app-blue is already gone");
    assertThat(h.aws.count("terminate")).isEqualTo(1);
  }

  @Test
  void anEnvironmentHoldingProduction_isNeverTerminated() {
    swappedAtT0();
    h.aws.swapCnames("app-blue", "app-green"); // swapped back behind the run's back
    StepFailure f = h.failure(step());
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f).hasMessage("app-blue holds the production CNAME; it is not terminated");
    assertThat(h.aws.count("terminate")).isZero();
  }

  @Test
  void aRefusedTermination_failsTheStep() {
    swappedAtT0();
    h.aws.failOnce("terminate", "InsufficientPrivilegesException", 403, "not allowed to terminate");
    assertThat(h.failure(step())).hasMessage("not allowed to terminate");
  }

  @Test
  void withoutAStandby_thereIsNothingToTerminate() {
    h.resolve(h.live("v1"), null);
    assertThat(step().title()).isEqualTo("Terminate the standby after 1m of draining");
    assertThat(h.failure(step())).hasMessage("there is no standby environment");
    assertThat(h.aws.calls()).isEmpty();
  }

  @Test
  void aCloneThatTookProductionBack_isTheOneRetired() throws Exception {
    h = Harness.cloneDeploy();
    h.resolve(h.live("v1"), h.aws.put(Envs.named("app-green").version("v1").build()));
    h.production().movedTo("app-green", Harness.T0);
    h.production().movedTo("app-blue", Harness.T0.plusSeconds(30));
    step().run(h.log);
    assertThat(h.aws.writes()).containsExactly("terminate(app-green)");
    assertThat(h.elapsed()).isEqualTo(Duration.ofSeconds(90));
  }
}
