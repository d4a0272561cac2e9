package dev.bluegreen.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.deploy.Envs;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.plan.Step.Result;
import dev.bluegreen.plan.StepFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckStandbyTest {

  private static final String STANDBY_CNAME = "app-green" + Envs.SUFFIX;

  private Harness h = Harness.deploy();

  @Test
  void aHealthyStandby_passesAndItsVersionIsKnownGood() throws Exception {
    h.resolve(h.live("v1"), h.standby("v2"));

    Result<Void> r = new CheckStandby(h.ctx).run(h.log);

    assertThat(r.skipped()).isFalse();
    assertThat(r.detail())
        .isEqualTo("3 consecutive successful requests to http://" + STANDBY_CNAME + "/");
    assertThat(h.health.hosts()).containsExactly(STANDBY_CNAME);
    assertThat(h.production().isGood("v2")).isTrue();
    assertThat(h.aws.calls()).isEmpty();
  }

  @Test
  void theHealthCheckInputsAreUsed() throws Exception {
    h =
        Harness.deploy(
            "health-check-scheme",
            "https",
            "health-check-path",
            "/health?deep=1",
            "health-check-successes",
            "5");
    h.resolve(h.live("v1"), h.standby("v2"));
    assertThat(new CheckStandby(h.ctx).run(h.log).detail())
        .isEqualTo(
            "5 consecutive successful requests to https://" + STANDBY_CNAME + "/health?deep=1");
  }

  @Test
  void aFailedHealthCheck_failsBeforeProductionIsTouched() {
    h.resolve(h.live("v1"), h.standby("v2"));
    h.health.failsNext("status 503");
    StepFailure f = h.failure(new CheckStandby(h.ctx));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f)
        .hasMessage(
            "app-green (v2) failed its health check of http://"
                + STANDBY_CNAME
                + "/ failed after 5 "
                + "requests: status 503; production was not touched");
    assertThat(h.production().isGood("v2")).isFalse();
  }

  @ParameterizedTest(name = "{0}/{1} with accepted-health {2}")
  @CsvSource({
    "Ready,    Red,    Green,         'Ready/Red (Ok)',      Green",
    "Ready,    Yellow, Green,         'Ready/Yellow (Ok)',   Green",
    "Updating, Green,  'Green,Yellow', 'Updating/Green (Ok)', Green or Yellow",
  })
  void anUnfitStandby_isNotCheckedOverHttp(
      String status, String health, String accepted, String state, String shown) {
    h = Harness.deploy("accepted-health", accepted);
    h.resolve(
        h.live("v1"),
        h.aws.put(Envs.named("app-green").status(status).health(health).version("v2").build()));
    StepFailure f = h.failure(new CheckStandby(h.ctx));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f)
        .hasMessage(
            "app-green is "
                + state
                + "; it must be Ready with health "
                + shown
                + " before it can take "
                + "production");
    assertThat(h.health.hosts()).isEmpty();
  }

  @Test
  void swap_refusesAStandbyRunningAnotherVersionThanExpected() {
    h = Harness.of(Command.SWAP);
    h.resolve(h.live("v1"), h.standby("v3"));
    StepFailure f = h.failure(new CheckStandby(h.ctx));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.USAGE);
    assertThat(f)
        .hasMessage(
            "version-label: the standby app-green runs v3, not v2; another deployment may have replaced "
                + "it. Nothing was swapped.");
  }

  @Test
  void swap_withoutVersionLabel_takesWhateverTheStandbyRuns() throws Exception {
    h = Harness.of(Command.SWAP, "version-label", "");
    h.resolve(h.live("v1"), h.standby("v3"));
    assertThat(new CheckStandby(h.ctx).run(h.log).skipped()).isFalse();
    assertThat(h.production().isGood("v3")).isTrue();
  }

  @Test
  void withoutAStandby_thereIsNothingToCheck() {
    h.resolve(h.live("v1"), null);
    StepFailure f = h.failure(new CheckStandby(h.ctx));
    assertThat(f).hasMessage("there is no standby environment");
  }

  @Test
  void aDryRunPrintsTheCheckInsteadOfRunningIt() {
    CheckStandby step = new CheckStandby(h.ctx);
    assertThat(step.changes()).isFalse();
    assertThat(step.runsInDryRun()).isFalse();
    h.resolve(h.live("v1"), null);
    assertThat(step.plan()).isEqualTo("would health-check the standby once it exists");
    h.production().standbyCreated(h.standby("v1"));
    assertThat(step.plan())
        .isEqualTo("would health-check the standby app-green at " + STANDBY_CNAME);
    h.production().assumeSwapped();
    assertThat(step.plan())
        .isEqualTo("would health-check the standby app-blue over HTTP on the CNAME it has by then");
  }
}
