package dev.bluegreen.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.cli.Cli;
import dev.bluegreen.cli.Host;
import dev.bluegreen.plan.Cancellation;
import dev.bluegreen.simulator.Seed;
import dev.bluegreen.waiting.VirtualTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every log line says what is true for the path the run took, in the Actions log (workflow
 * commands) and in the plain log alike: skipped steps, dry runs, failed waits, missing inputs, an
 * empty simulator.
 */
class LogTruthIT {

  private static final String TEMPORARY = "shop-tmp";

  /** The runner's variables for the Actions log, or none for the plain one. */
  private static Map<String, String> surroundings(boolean actions) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("GITHUB_ACTIONS", actions ? "true" : "false");
    return env;
  }

  private static String groupPrefix(boolean actions) {
    return actions ? "::group::" : "==> ";
  }

  /** Each step's log group header, by step id. */
  private static Map<String, String> headers(String log, boolean actions) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : log.lines().toList()) {
      if (line.startsWith(groupPrefix(actions))) {
        String header = line.substring(groupPrefix(actions).length());
        int colon = header.indexOf(": ");
        headers.put(colon < 0 ? header : header.substring(0, colon), header);
      }
    }
    return headers;
  }

  /** The ids of the steps the steps output reports with this status. */
  private static List<String> stepsWithStatus(Stage.Run run, String status) {
    List<String> ids = new ArrayList<>();
    Matcher m =
        Pattern.compile("\\{\"id\":\"([^\"]+)\",\"status\":\"" + status + "\"")
            .matcher(run.outputs().get("steps"));
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  @ParameterizedTest(name = "actions log: {0}")
  @ValueSource(booleans = {true, false})
  void skippedSteps_printTheirIdAndWhyOnly(boolean actions) {
    try (Stage stage = new Stage(Seed.single(Stage.APP))) {
      Stage.Run run = stage.run(surroundings(actions), stage.cloneDeployArgs(TEMPORARY, null));

      assertThat(run.exit()).as(run.log()).isZero();
      List<String> skipped = stepsWithStatus(run, "skipped");
      assertThat(skipped).contains("recover-production", "check-recovered");
      Map<String, String> headers = headers(run.log(), actions);
      for (String id : skipped) {
        assertThat(headers.get(id)).as("the header of skipped %s", id).isEqualTo(id);
      }
      assertThat(run.log())
          .doesNotContain("standby takes")
          .contains(groupPrefix(actions) + "recover-production\nskipped: nothing to recover\n");
    }
  }

  @ParameterizedTest(name = "actions log: {0}")
  @ValueSource(booleans = {true, false})
  void cloneDryRun_namesWhatEachStepWouldActOn(boolean actions) {
    try (Stage stage = new Stage(Seed.single(Stage.APP))) {
      Stage.Run run =
          stage.run(surroundings(actions), stage.cloneDeployArgs(TEMPORARY, null, "--dry-run"));

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(run.outputs()).containsEntry("result", "planned");
      String cname = "shop.us-east-1.elasticbeanstalk.com";
      assertThat(headers(run.log(), actions))
          .containsEntry(
              "swap-to-clone",
              "swap-to-clone: Swap CNAMEs: shop-tmp takes " + cname + " from shop-blue")
          .containsEntry("check-clone", "check-clone: Check production (" + cname + ") on shop-tmp")
          .containsEntry("deploy-standby", "deploy-standby: Deploy v2 to the standby shop-blue")
          .containsEntry(
              "check-standby", "check-standby: Health-check the standby shop-blue over HTTP")
          .containsEntry(
              "swap-back", "swap-back: Swap CNAMEs: shop-blue takes " + cname + " from shop-tmp")
          .containsEntry(
              "check-production", "check-production: Check production (" + cname + ") on shop-blue")
          .containsEntry(
              "terminate-clone", "terminate-clone: Terminate shop-tmp after 1m of draining");
      assertThat(run.log().lines().filter(l -> l.contains("  over") || l.endsWith(" ")))
          .as("lines with an empty environment name")
          .isEmpty();
      assertThat(stage.sim.calls().mutating()).isEmpty();
    }
  }

  @ParameterizedTest(name = "actions log: {0}")
  @ValueSource(booleans = {true, false})
  void swapDryRun_checksProductionWhereTheSwapWouldPutIt(boolean actions) {
    try (Stage stage = Stage.pair()) {
      Stage.Run run = stage.run(surroundings(actions), stage.swapDeployArgs(null, "--dry-run"));

      assertThat(run.exit()).as(run.log()).isZero();
      String cname = "shop.us-east-1.elasticbeanstalk.com";
      assertThat(headers(run.log(), actions))
          .containsEntry(
              "swap-cnames",
              "swap-cnames: Swap CNAMEs: shop-green takes " + cname + " from shop-blue")
          .containsEntry(
              "check-production",
              "check-production: Check production (" + cname + ") on shop-green");
      assertThat(run.log())
          .contains(
              "dry-run: would check production ("
                  + cname
                  + ") on shop-green: Ready, Green, and "
                  + "answering over HTTP");
    }
  }

  @ParameterizedTest(name = "actions log: {0}")
  @ValueSource(booleans = {true, false})
  void aFailedWait_namesTheEnvironmentOnce(boolean actions) {
    try (Stage stage = Stage.pair()) {
      Stage.Run run = stage.run(surroundings(actions), stage.swapDeployArgs("{\"status\":500}"));

      assertThat(run.exit()).as(run.log()).isEqualTo(1);
      assertThat(run.log())
          .contains("shop-green is Ready but its health is Red")
          .doesNotContain("shop-green: shop-green");
    }
  }

  @ParameterizedTest(name = "actions log: {0}")
  @ValueSource(booleans = {true, false})
  void missingVersionLabel_saysWhyThereIsNoDefault(boolean actions) {
    try (Stage stage = Stage.pair()) {
      Map<String, String> env = surroundings(actions);
      env.put("GITHUB_RUN_ID", "8812345");
      Stage.Run run = stage.run(env, Stage.swapArgs("deploy"));

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.log())
          .contains(
              actions
                  ? "version-label: required, to name the new version: in GitHub Actions it defaults "
                      + "to <first 7 of GITHUB_SHA>-<GITHUB_RUN_ID>, but GITHUB_SHA is not set"
                  : "version-label: required outside GitHub Actions, to name the new version (in "
                      + "Actions it defaults to <first 7 of GITHUB_SHA>-<GITHUB_RUN_ID>)");
    }
  }

  @ParameterizedTest(name = "actions log: {0}")
  @ValueSource(booleans = {true, false})
  void anApplicationTheSimulatorWasNotSeededWith_pointsAtSeed(boolean actions) {
    try (Stage stage = Stage.pair()) {
      Stage.Run run =
          stage.run(
              surroundings(actions),
              "status",
              "--application-name",
              "my-app",
              "--blue-environment",
              "my-app-blue",
              "--green-environment",
              "my-app-green",
              "--production-cname",
              "my-app");

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.log())
          .contains(
              "Elastic Beanstalk has no application named my-app in us-east-1 at "
                  + stage.sim.endpoint(),
              "If that is bluegreen simulate, it holds only what it was seeded with: start it with "
                  + "--seed my-app (or --seed-file)");
    }
  }

  @ParameterizedTest(name = "strategy {0}")
  @ValueSource(strings = {"swap", "clone"})
  void demoBanner_namesTheEnvironmentsOfTheStrategy(String strategy) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    VirtualTime time = new VirtualTime(Stage.T0);
    Host host =
        new Host(Map.of(), time.clock(), time, out, out, Path.of("target"), new Cancellation());

    int exit = Cli.run(host, "demo", "--strategy", strategy);

    String first = bytes.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    assertThat(exit).as(bytes.toString(StandardCharsets.UTF_8)).isZero();
    if (strategy.equals("clone")) {
      assertThat(first)
          .endsWith(
              "seeded with demo-app: demo-app-blue serves demo-app (v1); strategy clone makes "
                  + "demo-app-tmp, a temporary clone of it.")
          .doesNotContain("demo-app-green");
      assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("demo-app-green");
    } else {
      assertThat(first)
          .endsWith(
              "seeded with demo-app: demo-app-blue serves demo-app (v1), demo-app-green is the "
                  + "standby.");
    }
  }
}
