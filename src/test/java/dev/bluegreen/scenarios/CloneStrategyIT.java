package dev.bluegreen.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.deploy.Tags;
import dev.bluegreen.simulator.Call;
import dev.bluegreen.simulator.Seed;
import dev.bluegreen.simulator.beanstalk.SimEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Strategy clone end to end: the permanent environment, a temporary clone, recovery of interrupted
 * runs.
 */
class CloneStrategyIT {

  static final String APP = "store";
  static final String PERMANENT = "store-prod";
  static final String CLONE = "store-tmp";

  static Seed seed(boolean database, Seed.SeedEnvironment... more) {
    List<Seed.SeedEnvironment> envs =
        new ArrayList<>(
            List.of(
                new Seed.SeedEnvironment(PERMANENT, APP, "v1", "WebServer", database, Map.of())));
    envs.addAll(List.of(more));
    return new Seed(APP, List.of(new Seed.SeedVersion("v1", null)), envs);
  }

  static String[] args(String command, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--application-name",
                APP,
                "--blue-environment",
                PERMANENT,
                "--green-environment",
                CLONE,
                "--strategy",
                "clone"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void happyPath_cloneServesWhileThePermanentEnvironmentIsUpdated() {
    try (Stage stage = new Stage(seed(false))) {
      Stage.Run run =
          stage.run(
              args(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(run.outputs())
          .containsEntry("result", "promoted")
          .containsEntry("live-environment", PERMANENT)
          .containsEntry("version-label", "v2");
      assertThat(stage.sim.beanstalk().environment(PERMANENT).orElseThrow().runningVersion())
          .isEqualTo("v2");
      assertThat(stage.sim.calls().count("SwapEnvironmentCNAMEs")).isEqualTo(2);
      // The clone is terminated only after the drain time, counted from the swap back.
      List<Call> swaps =
          stage.sim.calls().matching(c -> c.operation().equals("SwapEnvironmentCNAMEs"));
      Call terminate =
          stage.sim.calls().matching(c -> c.operation().equals("TerminateEnvironment")).get(0);
      assertThat(terminate.parameters()).containsEntry("EnvironmentName", CLONE);
      assertThat(Duration.between(swaps.get(1).time(), terminate.time()))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(60));
      assertThat(stage.sim.calls().count("DeleteConfigurationTemplate")).isEqualTo(1);
      stage.time.advance(Duration.ofMinutes(5));
      assertThat(stage.sim.beanstalk().environment(CLONE)).isEmpty();
      stage.assertProductionAlwaysServed();
      assertThat(stage.prober.servedBy()).containsKeys("v1", "v2");
    }
  }

  @Test
  void keepTemporary_leavesTheCloneRunning() {
    try (Stage stage = new Stage(seed(false))) {
      Stage.Run run =
          stage.run(
              args(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString(),
                  "--keep-temporary",
                  "true"));

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(stage.sim.calls().count("TerminateEnvironment")).isZero();
      assertThat(stage.sim.beanstalk().environment(CLONE)).isPresent();
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void managedDatabase_isRefusedBeforeAnyChange() {
    try (Stage stage = new Stage(seed(true))) {
      Stage.Run run =
          stage.run(
              args(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));

      assertThat(run.exit()).as(run.log()).isEqualTo(2);
      assertThat(run.log())
          .contains("Elastic Beanstalk-managed RDS database", "new, empty database", "Decoupling");
      assertThat(
              stage
                  .sim
                  .calls()
                  .matching(
                      c ->
                          List.of(
                                  "CreateEnvironment",
                                  "CreateConfigurationTemplate",
                                  "SwapEnvironmentCNAMEs",
                                  "UpdateEnvironment")
                              .contains(c.operation())))
          .isEmpty();
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void workerEnvironment_isRefused() {
    Seed seed =
        new Seed(
            APP,
            List.of(new Seed.SeedVersion("v1", null)),
            List.of(new Seed.SeedEnvironment(PERMANENT, null, "v1", "Worker", false, Map.of())));
    try (Stage stage = new Stage(seed)) {
      Stage.Run run =
          stage.run(
              args(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));

      assertThat(run.exit()).as(run.log()).isEqualTo(2);
      assertThat(run.log()).contains("is a Worker environment: it has no CNAME");
      assertThat(stage.sim.calls().mutating()).isEmpty();
    }
  }

  @Test
  void deployFailsOnThePermanentEnvironment_productionGoesBackToIt() {
    try (Stage stage = new Stage(seed(false))) {
      Stage.Run run =
          stage.run(
              args(
                  "deploy",
                  "--version-label",
                  "v2-broken",
                  "--source-bundle",
                  stage.bundle("broken", "{\"status\":500}").toString()));

      assertThat(run.exit()).as(run.log()).isEqualTo(1);
      assertThat(run.outputs())
          .containsEntry("result", "rolled-back")
          .containsEntry("live-environment", PERMANENT);
      SimEnvironment.Snapshot permanent =
          stage.sim.beanstalk().environment(PERMANENT).orElseThrow();
      assertThat(permanent.runningVersion()).isEqualTo("v1");
      assertThat(permanent.cname()).startsWith(APP + ".");
      assertThat(run.summary()).contains("redeployed v1 to store-prod", "swapped back");
      stage.time.advance(Duration.ofMinutes(5));
      assertThat(stage.sim.beanstalk().environment(CLONE)).isEmpty();
      stage.assertProductionAlwaysServed("v2-broken");
    }
  }

  @Test
  void interruptedAfterTheFirstSwap_rerunRecoversAndDeploys() {
    try (Stage stage = new Stage(seed(false))) {
      // An earlier run cloned, swapped, and was killed: the clone holds production.
      Stage.Run killed =
          stage.run(
              args(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", "{\"deploy\":\"fail\"}").toString(),
                  "--rollback-on-failure",
                  "false",
                  "--keep-temporary",
                  "true"));
      assertThat(killed.exit()).as(killed.log()).isEqualTo(1);
      assertThat(stage.liveName()).isEqualTo(CLONE);

      Stage.Run rerun =
          stage.run(
              args(
                  "deploy",
                  "--version-label",
                  "v3",
                  "--source-bundle",
                  stage.bundle("v3", null).toString()));

      assertThat(rerun.exit()).as(rerun.log()).isZero();
      assertThat(rerun.summary()).contains("### Recovered", "was serving production");
      assertThat(rerun.summary()).contains("`clone-live` | ⏭️ skipped");
      assertThat(stage.liveName()).isEqualTo(PERMANENT);
      assertThat(stage.sim.beanstalk().environment(PERMANENT).orElseThrow().runningVersion())
          .isEqualTo("v3");
      stage.time.advance(Duration.ofMinutes(5));
      assertThat(stage.sim.beanstalk().environment(CLONE)).isEmpty();
      stage.assertProductionAlwaysServed("v2");
    }
  }

  @Test
  void idleLeftoverCloneOfOurs_isTerminatedThenReplaced() {
    java.util.Map<String, String> tags =
        new java.util.LinkedHashMap<>(Tags.created(Tags.TEMPORARY, "old-run"));
    tags.put(Tags.PRODUCTION_CNAME, "store.us-east-1.elasticbeanstalk.com");
    try (Stage stage =
        new Stage(
            seed(false, new Seed.SeedEnvironment(CLONE, null, "v1", "WebServer", false, tags)))) {
      Stage.Run run =
          stage.run(
              args(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(run.summary())
          .contains("an idle clone left by run old-run", "`remove-leftover-clone` | ✅ succeeded");
      assertThat(stage.sim.calls().count("TerminateEnvironment")).isEqualTo(2);
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void leftoverThatIsNotOurs_exits2NamingIt() {
    try (Stage stage = new Stage(seed(false, new Seed.SeedEnvironment(CLONE, null, "v1")))) {
      Stage.Run run =
          stage.run(
              args(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));

      assertThat(run.exit()).as(run.log()).isEqualTo(2);
      assertThat(run.log()).contains("store-tmp already exists and was not created by this tool");
      assertThat(stage.sim.calls().mutating()).isEmpty();
    }
  }

  @Test
  void cleanup_terminatesLeftoversAndPrunesVersions() {
    java.util.Map<String, String> tags =
        new java.util.LinkedHashMap<>(Tags.created(Tags.TEMPORARY, "old-run"));
    tags.put(Tags.PRODUCTION_CNAME, "store.us-east-1.elasticbeanstalk.com");
    try (Stage stage =
        new Stage(
            seed(false, new Seed.SeedEnvironment(CLONE, null, "v1", "WebServer", false, tags)))) {
      for (String v : List.of("v2", "v3", "v4")) {
        Stage.Run r =
            stage.run(
                args(
                    "deploy",
                    "--version-label",
                    v,
                    "--source-bundle",
                    stage.bundle(v, null).toString(),
                    "--dry-run"));
        assertThat(r.exit()).as(r.log()).isZero();
      }
      try (SdkClient sdk = new SdkClient(stage.sim)) {
        String bucket = sdk.eb.createStorageLocation(b -> {}).s3Bucket();
        for (String v : List.of("v2", "v3", "v4")) {
          sdk.eb.createApplicationVersion(
              b ->
                  b.applicationName(APP)
                      .versionLabel(v)
                      .sourceBundle(s -> s.s3Bucket(bucket).s3Key(APP + "/v1.zip")));
        }
      }

      Stage.Run run = stage.run(args("cleanup", "--keep-versions", "2"));

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(run.outputs()).containsEntry("result", "cleaned");
      assertThat(stage.sim.calls().matching(c -> c.operation().equals("TerminateEnvironment")))
          .extracting(c -> c.parameters().get("EnvironmentName"))
          .containsExactly(CLONE);
      // v4 and v3 are the two newest; v1 runs on store-prod, so it stays whatever its age.
      assertThat(stage.sim.calls().matching(c -> c.operation().equals("DeleteApplicationVersion")))
          .extracting(c -> c.parameters().get("VersionLabel"))
          .containsExactly("v2");
      stage.assertProductionAlwaysServed();
    }
  }
}
