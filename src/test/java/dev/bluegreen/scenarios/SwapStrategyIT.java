package dev.bluegreen.scenarios;

import static dev.bluegreen.scenarios.Stage.BLUE;
import static dev.bluegreen.scenarios.Stage.GREEN;
import static dev.bluegreen.scenarios.Stage.swapArgs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.simulator.Call;
import dev.bluegreen.simulator.beanstalk.SimEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strategy swap end to end, each scenario watched by the production prober. */
class SwapStrategyIT {

  @Test
  void happyPath_promotesTheNewVersion() {
    try (Stage stage = Stage.pair()) {
      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(run.outputs())
          .containsEntry("result", "promoted")
          .containsEntry("live-environment", GREEN)
          .containsEntry("standby-environment", BLUE)
          .containsEntry("version-label", "v2")
          .containsEntry("previous-version-label", "v1")
          .containsEntry("version-created", "true")
          .containsEntry("live-url", "http://shop.us-east-1.elasticbeanstalk.com");
      assertThat(run.outputs().get("steps"))
          .contains("\"id\":\"swap-cnames\",\"status\":\"succeeded\"");
      assertThat(stage.liveName()).isEqualTo(GREEN);
      assertThat(env(stage, GREEN).runningVersion()).isEqualTo("v2");
      assertThat(run.log())
          .contains("::group::deploy-standby: ", "::group::swap-cnames: ", "::endgroup::");
      stage.assertProductionAlwaysServed();
      assertThat(stage.prober.servedBy()).containsKeys("v1", "v2");
    }
  }

  @Test
  void standbyMissing_isCreatedAsACopyOfLive() {
    try (Stage stage =
        new Stage(
            new dev.bluegreen.simulator.Seed(
                Stage.APP,
                List.of(new dev.bluegreen.simulator.Seed.SeedVersion("v1", null)),
                List.of(
                    new dev.bluegreen.simulator.Seed.SeedEnvironment(
                        BLUE, Stage.PRODUCTION, "v1"))))) {
      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(run.outputs())
          .containsEntry("result", "promoted")
          .containsEntry("live-environment", GREEN);
      List<String> ops = stage.sim.calls().all().stream().map(Call::operation).toList();
      assertThat(ops)
          .containsSubsequence(
              "CreateConfigurationTemplate",
              "CreateEnvironment",
              "DeleteConfigurationTemplate",
              "UpdateEnvironment",
              "SwapEnvironmentCNAMEs");
      // Created and uploaded at the same time: the version is made at the instant the copy starts
      // launching.
      java.time.Instant create = time(stage, "CreateEnvironment");
      assertThat(time(stage, "CreateApplicationVersion")).isEqualTo(create);
      assertThat(time(stage, "DeleteConfigurationTemplate")).isAfter(create.plusSeconds(240));
      Call created =
          stage.sim.calls().matching(c -> c.operation().equals("CreateEnvironment")).get(0);
      assertThat(created.parameters())
          .containsEntry("VersionLabel", "v1")
          .containsEntry("EnvironmentName", GREEN);
      assertThat(run.summary()).contains("`ensure-standby` | ✅ succeeded");
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void newVersionAnswers500_isNeverPromoted() {
    try (Stage stage = Stage.pair()) {
      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2-broken",
                  "--source-bundle",
                  stage.bundle("broken", "{\"status\":500}").toString()));

      assertThat(run.exit()).as(run.log()).isEqualTo(1);
      assertThat(run.outputs())
          .containsEntry("result", "failed")
          .containsEntry("live-environment", BLUE);
      assertThat(stage.sim.calls().count("SwapEnvironmentCNAMEs")).isZero();
      assertThat(stage.liveName()).isEqualTo(BLUE);
      assertThat(run.log()).contains("::error::");
      stage.assertProductionAlwaysServed("v2-broken");
    }
  }

  @Test
  void deploymentRevertedByBeanstalk_failsAtOnceWithTheEvent() {
    try (Stage stage = Stage.pair()) {
      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2-fails",
                  "--source-bundle",
                  stage.bundle("fails", "{\"deploy\":\"fail\"}").toString()));

      assertThat(run.exit()).as(run.log()).isEqualTo(1);
      assertThat(run.outputs()).containsEntry("result", "failed");
      assertThat(run.summary()).contains("Failed to deploy application.", "### Last events");
      assertThat(stage.sim.calls().count("SwapEnvironmentCNAMEs")).isZero();
      stage.assertProductionAlwaysServed("v2-fails");
    }
  }

  @Test
  void productionTurnsRedRightAfterTheSwap_isSwappedBack() {
    try (Stage stage = Stage.pair()) {
      stage.turnRedAfterTheFirstSwap(GREEN);
      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));

      assertThat(run.exit()).as(run.log()).isEqualTo(1);
      assertThat(run.outputs())
          .containsEntry("result", "rolled-back")
          .containsEntry("live-environment", BLUE);
      assertThat(stage.sim.calls().count("SwapEnvironmentCNAMEs")).isEqualTo(2);
      assertThat(stage.liveName()).isEqualTo(BLUE);
      assertThat(run.summary()).contains("### Rollback", "swapped back");
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void productionTurnsRedAndRollbackIsOff_leavesItForAPersonWithExit3() {
    try (Stage stage = Stage.pair()) {
      stage.turnRedAfterTheFirstSwap(GREEN);
      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString(),
                  "--rollback-on-failure",
                  "false"));

      assertThat(run.exit()).as(run.log()).isEqualTo(3);
      assertThat(run.outputs())
          .containsEntry("result", "failed")
          .containsEntry("live-environment", GREEN);
      assertThat(stage.sim.calls().count("SwapEnvironmentCNAMEs")).isEqualTo(1);
      assertThat(run.log()).contains("::warning::not swapping back: rollback-on-failure is false");
      assertThat(run.summary()).contains("production needs attention");
    }
  }

  @Test
  void aDeploymentSlowerThanTheWaitTimeout_failsWithAMessageThatSaysWhereToLook() {
    try (Stage stage = Stage.pair()) {
      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString(),
                  "--wait-timeout",
                  "60s"));

      assertThat(run.exit()).as(run.log()).isEqualTo(1);
      assertThat(run.summaryText())
          .contains(
              "Timed out after 1m waiting for shop-green to run v2 healthily (last: Updating/Grey",
              "The operation may still be running; see the events of shop-green in the Elastic Beanstalk console.");
      assertThat(stage.sim.calls().count("SwapEnvironmentCNAMEs")).isZero();
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void throttlingAndServerErrors_areSurvived() {
    try (Stage stage = Stage.pair()) {
      stage.sim.faults().throttle(0.3).burst(5, 503);
      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(run.outputs()).containsEntry("result", "promoted");
      assertThat(stage.sim.calls().matching(c -> c.outcome().equals("Throttling"))).isNotEmpty();
      assertThat(stage.sim.calls().matching(c -> c.outcome().equals("ServiceUnavailable")))
          .hasSize(5);
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void liveUpdatingAtStart_isWaitedFor() {
    try (Stage stage = Stage.pair();
        SdkClient sdk = new SdkClient(stage.sim)) {
      sdk.eb.updateEnvironment(
          r ->
              r.environmentName(BLUE)
                  .optionSettings(
                      software.amazon.awssdk.services.elasticbeanstalk.model
                          .ConfigurationOptionSetting.builder()
                          .namespace("aws:elasticbeanstalk:application:environment")
                          .optionName("FEATURE")
                          .value("on")
                          .build()));
      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(run.log()).contains("shop-blue is Updating; waiting for it to become Ready");
      assertThat(run.outputs()).containsEntry("result", "promoted");
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void sameLabelAndSameBundle_reusesTheVersion() {
    try (Stage stage = Stage.pair()) {
      java.nio.file.Path bundle = stage.bundle("v2", null);
      Stage.Run first =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  bundle.toString(),
                  "--promote",
                  "false"));
      assertThat(first.exit()).as(first.log()).isZero();
      long uploads = stage.sim.calls().count("PutObject");

      Stage.Run second =
          stage.run(
              swapArgs("deploy", "--version-label", "v2", "--source-bundle", bundle.toString()));

      assertThat(second.exit()).as(second.log()).isZero();
      assertThat(second.outputs())
          .containsEntry("version-created", "false")
          .containsEntry("result", "promoted");
      assertThat(stage.sim.calls().count("PutObject")).isEqualTo(uploads);
      assertThat(stage.sim.calls().count("CreateApplicationVersion")).isEqualTo(1);
      assertThat(second.summary()).contains("`deploy-standby` | ⏭️ skipped");
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void sameLabelWithDifferentBundle_exits2BeforeAnyChange() {
    try (Stage stage = Stage.pair()) {
      assertThat(
              stage
                  .run(
                      swapArgs(
                          "deploy",
                          "--version-label",
                          "v2",
                          "--source-bundle",
                          stage.bundle("v2", null).toString(),
                          "--promote",
                          "false"))
                  .exit())
          .isZero();
      stage.sim.calls().clear();

      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("other", "{\"body\":\"different\"}").toString()));

      assertThat(run.exit()).as(run.log()).isEqualTo(2);
      assertThat(run.log())
          .contains("version-label: version v2 already exists in shop with a different bundle");
      assertThat(stage.sim.calls().mutating()).isEmpty();
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void promoteFalse_thenSwapLater() {
    try (Stage stage = Stage.pair()) {
      Stage.Run deployed =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString(),
                  "--promote",
                  "false"));
      assertThat(deployed.exit()).as(deployed.log()).isZero();
      assertThat(deployed.outputs())
          .containsEntry("result", "deployed")
          .containsEntry("live-environment", BLUE)
          .containsEntry("standby-url", "http://shop-staging.us-east-1.elasticbeanstalk.com");
      assertThat(stage.sim.calls().count("SwapEnvironmentCNAMEs")).isZero();

      stage.time.advance(java.time.Duration.ofMinutes(20));
      Stage.Run wrong = stage.run(swapArgs("swap", "--version-label", "v3"));
      assertThat(wrong.exit()).as(wrong.log()).isEqualTo(2);
      assertThat(wrong.log()).contains("the standby shop-green runs v2, not v3");
      assertThat(stage.sim.calls().count("SwapEnvironmentCNAMEs")).isZero();

      Stage.Run swapped = stage.run(swapArgs("swap", "--version-label", "v2"));

      assertThat(swapped.exit()).as(swapped.log()).isZero();
      assertThat(swapped.outputs())
          .containsEntry("result", "swapped")
          .containsEntry("live-environment", GREEN)
          .containsEntry("version-label", "v2");
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void rollback_putsThePreviousVersionBack() {
    try (Stage stage = Stage.pair()) {
      assertThat(
              stage
                  .run(
                      swapArgs(
                          "deploy",
                          "--version-label",
                          "v2",
                          "--source-bundle",
                          stage.bundle("v2", null).toString()))
                  .exit())
          .isZero();

      Stage.Run run = stage.run(swapArgs("rollback"));

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(run.outputs())
          .containsEntry("result", "rolled-back")
          .containsEntry("live-environment", BLUE)
          .containsEntry("version-label", "v1");
      stage.assertProductionAlwaysServed();

      Stage.Run again = stage.run(swapArgs("rollback"));
      assertThat(again.exit()).isEqualTo(1);
      assertThat(again.log()).contains("newer than production's v1");
    }
  }

  @Test
  void terminateStandby_waitsForTheDrainBeforeTerminating() {
    try (Stage stage = Stage.pair()) {
      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString(),
                  "--terminate-standby",
                  "true",
                  "--drain-time",
                  "90s"));

      assertThat(run.exit()).as(run.log()).isZero();
      Call swap =
          stage.sim.calls().matching(c -> c.operation().equals("SwapEnvironmentCNAMEs")).get(0);
      Call terminate =
          stage.sim.calls().matching(c -> c.operation().equals("TerminateEnvironment")).get(0);
      assertThat(terminate.parameters()).containsEntry("EnvironmentName", BLUE);
      assertThat(java.time.Duration.between(swap.time(), terminate.time()))
          .isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(90));
      stage.time.advance(java.time.Duration.ofMinutes(5));
      stage.assertProductionAlwaysServed();

      // The next deploy finds the standby terminated and makes it again.
      Stage.Run next =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v3",
                  "--source-bundle",
                  stage.bundle("v3", null).toString()));
      assertThat(next.exit()).as(next.log()).isZero();
      assertThat(next.summary()).contains("had been terminated");
      assertThat(stage.liveName()).isEqualTo(BLUE);
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void dryRun_makesNoMutatingCall() {
    try (Stage stage = Stage.pair()) {
      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString(),
                  "--dry-run"));

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(run.outputs()).containsEntry("result", "planned");
      assertThat(stage.sim.calls().mutating()).isEmpty();
      assertThat(stage.sim.calls().all()).isNotEmpty();
      assertThat(run.log()).contains("dry-run: would ");
      assertThat(run.summary()).contains("📝 planned");
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void status_reportsWithoutChangingAnything() {
    try (Stage stage = Stage.pair()) {
      Stage.Run run = stage.run(swapArgs("status"));

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(run.outputs())
          .containsEntry("result", "status")
          .containsEntry("live-environment", BLUE)
          .containsEntry("standby-environment", GREEN)
          .containsEntry("version-label", "v1");
      assertThat(run.summary()).contains("shop-blue serves production with `v1`");
      assertThat(stage.sim.calls().mutating()).isEmpty();
    }
  }

  @Test
  void dryRunOfEveryCommand_makesNoMutatingCall() {
    try (Stage stage = Stage.pair()) {
      for (String command : List.of("swap", "rollback", "cleanup", "status")) {
        Stage.Run run = stage.run(swapArgs(command, "--dry-run", "true", "--keep-versions", "1"));
        assertThat(run.exit()).as(command + ": " + run.log()).isIn(0, 1);
        assertThat(stage.sim.calls().mutating()).as(command).isEmpty();
      }
    }
  }

  private static java.time.Instant time(Stage stage, String operation) {
    return stage.sim.calls().matching(c -> c.operation().equals(operation)).get(0).time();
  }

  private static SimEnvironment.Snapshot env(Stage stage, String name) {
    return stage.sim.beanstalk().environment(name).orElseThrow();
  }
}
