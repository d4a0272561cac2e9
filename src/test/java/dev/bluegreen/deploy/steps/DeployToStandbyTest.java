package dev.bluegreen.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Envs;
import dev.bluegreen.plan.Step.Result;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.Undo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeployToStandbyTest {

  private Harness h = Harness.deploy();

  private Result<Environment> deploy() throws Exception {
    return new DeployToStandby(h.ctx, false).run(h.log);
  }

  @Test
  void deploysTheVersionAndWaitsUntilTheStandbyRunsItHealthily() throws Exception {
    h.resolve(h.live("v1"), h.standby("v1"));

    Result<Environment> r = deploy();

    assertThat(h.aws.writes()).containsExactly("deploy(app-green, v2)");
    assertThat(r.skipped()).isFalse();
    assertThat(r.detail()).isEqualTo("app-green runs v2, Ready/Green (Ok)");
    assertThat(r.value().versionLabel()).isEqualTo("v2");
    assertThat(h.production().roles().standby()).map(Environment::versionLabel).contains("v2");
    assertThat(h.logText()).contains("UpdateEnvironment app-green → v2 (request req-1)");
    assertThat(h.elapsed()).isPositive();
  }

  @Test
  void aStandbyRunningTheVersionHealthily_isLeftAlone() throws Exception {
    h.resolve(h.live("v1"), h.standby("v2"));
    Result<Environment> r = deploy();
    assertThat(r.skipped()).isTrue();
    assertThat(r.detail()).isEqualTo("app-green already runs v2 (Ready/Green (Ok))");
    assertThat(h.aws.writes()).isEmpty();
    // read again right before, once no swap is under way
    assertThat(h.aws.calls())
        .containsExactly("events(null, null)", "environments(app-blue, app-green)");
  }

  @Test
  void aStandbyRunningTheVersionUnhealthily_getsItAgain() throws Exception {
    h.resolve(h.live("v1"), h.aws.put(Envs.named("app-green").version("v2").health("Red").build()));
    assertThat(deploy().skipped()).isFalse();
    assertThat(h.aws.writes()).containsExactly("deploy(app-green, v2)");
  }

  @Test
  void withoutAStandby_thereIsNothingToDeployTo() {
    h.resolve(h.live("v1"), null);
    StepFailure f = h.failure(new DeployToStandby(h.ctx, false));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f).hasMessage("there is no standby environment");
  }

  @Test
  void aFailureEventOfTheDeployment_endsTheWaitAtOnce() {
    h.resolve(h.live("v1"), h.standby("v1"));
    h.aws.nextDeployTo("app-green", Envs.becomes("Updating", "Grey"));
    h.aws.event("app-green", "req-1", "ERROR", "Failed to deploy application.");
    StepFailure f = h.failure(new DeployToStandby(h.ctx, false));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f).hasMessage("app-green: Failed to deploy application.");
    assertThat(h.elapsed()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aDeploymentElasticBeanstalkRolledBack_failsTheStep() {
    h.resolve(h.live("v1"), h.standby("v1"));
    h.aws.nextDeployTo("app-green", Envs.becomes("Ready", "Green", "v1"));
    StepFailure f = h.failure(new DeployToStandby(h.ctx, false));
    assertThat(f)
        .hasMessage(
            "app-green is Ready but runs v1 instead of v2: Elastic Beanstalk rolled the deployment back");
  }

  @Test
  void aStandbyThatStaysRed_failsAfterTheHealthGrace() {
    h.resolve(h.live("v1"), h.standby("v1"));
    h.aws.nextDeployTo(
        "app-green",
        e ->
            Envs.from(e)
                .status("Ready")
                .health("Red")
                .healthStatus("Severe")
                .version("v2")
                .build());
    StepFailure f = h.failure(new DeployToStandby(h.ctx, false));
    assertThat(f)
        .hasMessage("app-green is Ready but its health is Red (Severe) after 1m; accepted: Green");
  }

  @Test
  void acceptedHealth_decidesWhichColourIsGoodEnough() throws Exception {
    h = Harness.deploy("accepted-health", "Green,Yellow");
    h.resolve(h.live("v1"), h.standby("v1"));
    h.aws.nextDeployTo("app-green", Envs.becomes("Ready", "Yellow", "v2"));
    assertThat(deploy().detail()).isEqualTo("app-green runs v2, Ready/Yellow (Ok)");
  }

  @Test
  void aRefusedUpdate_failsTheStepInTheServicesWords() {
    h.resolve(h.live("v1"), h.standby("v1"));
    h.aws.failOnce(
        "deploy", "InvalidParameterValue", 400, "No Application Version named 'v2' found.");
    StepFailure f = h.failure(new DeployToStandby(h.ctx, false));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f).hasMessage("No Application Version named 'v2' found.");
  }

  @Test
  void onlyTheCloneStrategyRegistersAnUndo() {
    h.resolve(h.live("v1"), h.standby("v1"));
    assertThat(new DeployToStandby(h.ctx, false).undo()).isEmpty();
    assertThat(new DeployToStandby(h.ctx, true).undo())
        .map(Undo::description)
        .contains("put v1 back on app-green");
  }

  // ---- RestorePrevious: clone strategy, the clone app-green serves, the permanent app-blue was
  // deployed --------

  /**
   * The permanent app-blue ran v1 before the run; now the clone holds production and app-blue is
   * {@code now}.
   */
  private Undo restore(Environment now) {
    h = Harness.cloneDeploy();
    Environment before = Envs.named("app-blue").cname("app").version("v1").build();
    h.resolve(before, null);
    Environment clone = h.aws.put(Envs.named("app-green").cname("app-green-gen2").build());
    h.production().standbyCreated(clone);
    h.production().movedTo("app-green", Harness.T0);
    h.aws.put(Envs.named("app-green").cname("app").build());
    h.aws.put(now);
    Undo undo = new DeployToStandby(h.ctx, true).undo().orElseThrow();
    assertThat(undo.description()).isEqualTo("put v1 back on app-blue");
    return undo;
  }

  private static Envs permanent() {
    return Envs.named("app-blue").cname("app-green-gen2");
  }

  @Test
  void restore_redeploysThePreviousVersion() throws Exception {
    Undo undo = restore(permanent().version("v2").health("Red").build());

    assertThat(undo.run(h.log)).isEqualTo(Undo.Outcome.reverted("redeployed v1 to app-blue"));

    assertThat(h.aws.writes()).containsExactly("deploy(app-blue, v1)");
    assertThat(h.production().roles().standby())
        .map(Environment::stateLine)
        .contains("Ready/Green (Ok)");
  }

  @Test
  void restore_waitsForADeploymentInFlight_andFindsItRevertedByElasticBeanstalk() throws Exception {
    Undo undo = restore(permanent().version("v1").status("Updating").build());
    h.aws.atRead("app-blue", 2, Envs.becomes("Ready", "Green", "v1"));

    assertThat(undo.run(h.log))
        .isEqualTo(
            Undo.Outcome.unchanged(
                "app-blue runs v1 again (Elastic Beanstalk reverted the deployment)"));
    assertThat(h.aws.writes()).isEmpty();
  }

  @Test
  void restore_waitsForADeploymentInFlight_thenRedeploys() throws Exception {
    Undo undo = restore(permanent().version("v1").status("Updating").build());
    h.aws.atRead("app-blue", 2, Envs.becomes("Ready", "Red", "v2"));

    assertThat(undo.run(h.log).kind()).isEqualTo(Undo.Kind.REVERTED);
    assertThat(h.aws.writes()).containsExactly("deploy(app-blue, v1)");
  }

  @Test
  void restore_leavesAnEnvironmentThatAlreadyRunsThePreviousVersion() throws Exception {
    Undo undo = restore(permanent().version("v1").build());
    assertThat(undo.run(h.log)).isEqualTo(Undo.Outcome.unchanged("app-blue already runs v1"));
    assertThat(h.aws.writes()).isEmpty();
  }

  @Test
  void restore_neverTouchesTheEnvironmentHoldingProduction() throws Exception {
    Undo undo = restore(permanent().version("v2").build());
    h.aws.swapCnames("app-blue", "app-green"); // production went back to app-blue meanwhile
    assertThat(undo.run(h.log))
        .isEqualTo(Undo.Outcome.unchanged("app-blue holds production; left as it is"));
    assertThat(h.aws.writes()).containsExactly("swapCnames(app-blue, app-green)");
  }

  @Test
  void restore_failsWhenTheEnvironmentIsGone() {
    Undo undo = restore(permanent().version("v2").status("Terminated").build());
    assertThatThrownBy(() -> undo.run(h.log))
        .isInstanceOf(StepFailure.class)
        .hasMessage("environment app-blue no longer exists in application app");
  }
}
