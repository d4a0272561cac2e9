package dev.bluegreen.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.deploy.Envs;
import dev.bluegreen.plan.Step.Result;
import dev.bluegreen.plan.StepFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production after a swap: app-green (v2) holds the production CNAME, app-blue (v1) is the standby.
 */
class CheckProductionTest {

  private static final String PRODUCTION = Harness.PRODUCTION;

  private final Harness h = Harness.deploy();

  @BeforeEach
  void swapped() {
    h.resolve(h.live("v1"), h.standby("v2"));
    h.aws.swapCnames("app-green", "app-blue");
    h.production().movedTo("app-green", Harness.T0);
    h.production().refreshed(h.aws.environments("app"));
  }

  private CheckProduction step() {
    return new CheckProduction(h.ctx, "check-production");
  }

  @Test
  void healthyProduction_passesAndItsVersionIsKnownGood() throws Exception {
    assertThat(step().title()).isEqualTo("Check production (" + PRODUCTION + ") on app-green");

    Result<Void> r = step().run(h.log);

    assertThat(r.detail())
        .isEqualTo(
            "app-green serves production with v2, Green; 3 consecutive successful requests to "
                + "http://"
                + PRODUCTION
                + "/");
    assertThat(h.health.hosts()).containsExactly(PRODUCTION);
    assertThat(h.production().isGood("v2")).isTrue();
    assertThat(h.aws.writes()).containsExactly("swapCnames(app-green, app-blue)");
  }

  @Test
  void anUnhealthyColour_failsAtOnceWithoutGrace() {
    h.aws.put(
        Envs.from(h.aws.current("app-green").orElseThrow())
            .health("Red")
            .healthStatus("Degraded")
            .build());
    StepFailure f = h.failure(step());
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f)
        .hasMessage("app-green is Ready but its health is Red (Degraded); accepted: Green");
    assertThat(h.elapsed()).isZero();
    assertThat(h.health.hosts()).isEmpty();
  }

  @Test
  void anotherVersionOnProduction_failsTheCheck() {
    h.aws.put(Envs.from(h.aws.current("app-green").orElseThrow()).version("v3").build());
    assertThat(h.failure(step()))
        .hasMessage(
            "app-green is Ready but runs v3 instead of v2: Elastic Beanstalk rolled the "
                + "deployment back");
  }

  @Test
  void aBusyProductionEnvironment_isWaitedFor() throws Exception {
    h.aws.put(Envs.from(h.aws.current("app-green").orElseThrow()).status("Updating").build());
    h.aws.atRead("app-green", 3, Envs.becomes("Ready", "Green"));
    assertThat(step().run(h.log).skipped()).isFalse();
    assertThat(h.elapsed()).isPositive();
  }

  @Test
  void aFailedHttpCheck_failsTheStep() {
    h.health.failsNext("timed out");
    StepFailure f = h.failure(step());
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f)
        .hasMessage(
            "production ("
                + PRODUCTION
                + ", now app-green with v2) failed its health check of http://"
                + PRODUCTION
                + "/ failed after 5 requests: timed out");
    assertThat(h.production().isGood("v2")).isFalse();
  }

  @Test
  void productionTurningUnhealthyDuringTheCheck_failsTheStep() {
    h.aws.atRead("app-green", 2, Envs.becomes("Ready", "Yellow"));
    StepFailure f = h.failure(step());
    assertThat(f).hasMessage("app-green turned Ready/Yellow (Ok) while serving production");
    assertThat(h.production().isGood("v2")).isFalse();
  }

  @Test
  void aDryRunPrintsTheCheck() {
    assertThat(step().changes()).isFalse();
    assertThat(step().runsInDryRun()).isFalse();
    assertThat(step().plan())
        .isEqualTo(
            "would check production ("
                + PRODUCTION
                + ") on app-green: Ready, Green, and answering over HTTP");
  }
}
