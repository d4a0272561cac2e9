package dev.bluegreen.scenarios;

import static dev.bluegreen.scenarios.ActionRunIT.inputs;
import static dev.bluegreen.scenarios.Stage.swapArgs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.action.RunnerCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The findings of the security review, each tried as an attacker or a careless user would: text
 * that tries to become a workflow command or markdown, inputs that used to crash or reach AWS, the
 * network variables, and the command input.
 */
class SecurityIT {

  private static Map<String, String> deployInputs(Map<String, String> more) {
    Map<String, String> env =
        inputs(
            Map.of(
                "application-name",
                "shop",
                "blue-environment",
                "shop-blue",
                "green-environment",
                "shop-green",
                "production-cname",
                "shop"));
    more.forEach((k, v) -> env.put("INPUT_" + k.toUpperCase(Locale.ROOT), v));
    return env;
  }

  /**
   * The only commands a run may print are its own groups, annotations and masks (whose data may
   * quote the forged text, escaped); no command starts with the forged text, and none is legacy.
   */
  private static void assertNoForgedCommand(String log) {
    assertThat(RunnerCommands.in(log))
        .allSatisfy(
            c ->
                assertThat(c)
                    .matches("(group|endgroup|error|warning|notice|add-mask|debug)::.*")
                    .doesNotMatch("[a-z-]+::forged.*"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "version-label",
        "application-name",
        "health-check-path",
        "health-check-contains",
        "s3-key"
      })
  void aLineBreakInAnInput_isRefusedBeforeAnyCall(String input) {
    try (Stage stage = Stage.pair()) {
      Map<String, String> env = deployInputs(Map.of("version-label", "v2"));
      env.put("INPUT_" + input.toUpperCase(Locale.ROOT), "/v2\n::warning::forged\r::error::forged");

      Stage.Run run = stage.run(env);

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.log())
          .contains(
              "::error::"
                  + input
                  + ": contains a line break (U+000A at character 4); an input is "
                  + "one line of text");
      assertNoForgedCommand(run.log());
      assertThat(run.outputs()).containsEntry("result", "failed");
      assertThat(stage.sim.calls().all()).isEmpty();
    }
  }

  @Test
  void commandLikeTextInAValidInput_isPrintedButNeverRead() {
    try (Stage stage = Stage.pair()) {
      String label = "v2::warning::forged ##[set-output name=result;]forged";
      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  label,
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(run.log()).contains("## [set-output");
      assertNoForgedCommand(run.log());
      assertThat(run.outputs())
          .containsEntry("result", "promoted")
          .containsEntry("version-label", label);
    }
  }

  @Test
  void aVersionLabelBeyondAscii_travelsIntactToTheOutputsTheSummaryAndTheLog() {
    try (Stage stage = Stage.pair()) {
      String label = "v-é🚀";
      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  label,
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(run.outputs()).containsEntry("version-label", label);
      assertThat(run.summary()).startsWith("## ✅ `" + label + "` is live on shop-green");
      assertThat(run.log()).contains("Deploy " + label + " to the standby shop-green");
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void textFromAws_cannotForgeCommandsOrTheSummary() {
    try (Stage stage = Stage.pair()) {
      stage
          .sim
          .faults()
          .failOperation(
              "UpdateEnvironment",
              400,
              "InvalidParameterValue",
              "Bad value\n::warning::forged\r##[set-output name=result;]forged\n## Forged heading\n[click](http://evil.example)",
              1);

      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));

      assertThat(run.exit()).isEqualTo(1);
      assertNoForgedCommand(run.log());
      assertThat(run.summary().lines().filter(l -> l.startsWith("#")))
          .allMatch(l -> l.startsWith("## ❌") || l.startsWith("### "));
      assertThat(run.summary()).doesNotContain("](http://evil");
      assertThat(run.summaryText()).contains("Bad value\n::warning::forged");
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void inputsThatUsedToCrashOrFailLate_areAllRefusedTogetherBeforeAnyChange() {
    try (Stage stage = new Stage(CloneStrategyIT.seed(false))) {
      Map<String, String> env =
          inputs(
              Map.of(
                  "application-name",
                  "store",
                  "blue-environment",
                  "store-prod",
                  "green-environment",
                  "store-tmp",
                  "strategy",
                  "clone",
                  "version-label",
                  "v2",
                  "source-bundle",
                  "v2",
                  "health-check-timeout",
                  "99999999999999999999s",
                  "health-check-max-wait",
                  "9223372036854775807h",
                  "s3-bucket",
                  "My_Bucket",
                  "s3-key",
                  "k".repeat(1025)));
      env.put("INPUT_HEALTH-CHECK-PATH", "/health check");
      env.put("INPUT_HEALTH-CHECK-CONTAINS", "x".repeat(64 * 1024 + 1));
      env.put("GITHUB_WORKSPACE", stage.bundle("v2", null).getParent().toString());

      Stage.Run run = stage.run(env);

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.log())
          .contains(
              "::error::health-check-timeout: '99999999999999999999s' is not a duration between 1s and 5m",
              "::error::health-check-max-wait: '9223372036854775807h' is not a duration between 1s and 1h",
              "::error::s3-bucket: 'My_Bucket' is not a valid S3 bucket name",
              "::error::s3-key: is 1025 bytes long in UTF-8; S3 keys are at most 1024",
              "::error::health-check-path: '/health check' is not a URL path and query",
              "::error::health-check-contains: is 65537 bytes long; the limit is 4096");
      assertThat(run.log()).doesNotContain("unexpected error");
      assertThat(run.outputs()).containsEntry("result", "failed");
      assertThat(stage.sim.calls().mutating()).isEmpty();
    }
  }

  @Test
  void proxyCredentials_areRefusedAndNeverPrinted() {
    try (Stage stage = Stage.pair()) {
      Map<String, String> env = deployInputs(Map.of("version-label", "v2"));
      env.put("HTTP_PROXY", "http://deployer:pass word@proxy.internal:3128");
      env.put("HTTPS_PROXY", "http://deployer:s3cret@proxy.internal:3128");

      Stage.Run run = stage.run(env);

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.log())
          .contains(
              "::error::HTTP_PROXY: is not a URL (Illegal character in authority at character 8)",
              "::error::HTTPS_PROXY: http://***@proxy.internal:3128 carries a user name and password; proxies that need "
                  + "authentication are not supported");
      assertThat(run.log() + run.summary() + run.outputs())
          .doesNotContain("pass word")
          .doesNotContain("s3cret")
          .doesNotContain("deployer");
      assertThat(stage.sim.calls().all()).isEmpty();
    }
  }

  @Test
  void aMalformedEndpointVariable_isAnInputErrorNamingTheVariable() {
    try (Stage stage = Stage.pair()) {
      Map<String, String> env = deployInputs(Map.of("command", "status"));
      env.put("AWS_ENDPOINT_URL_S3", "localhost:4566 oops");
      env.put("AWS_ENDPOINT_URL_STS", "https://admin:hunter2@sts.internal");

      Stage.Run run = stage.run(env);

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.log())
          .contains(
              "::error::AWS_ENDPOINT_URL_S3: is not a URL",
              "::error::AWS_ENDPOINT_URL_STS: https://***@sts.internal carries a user name and password");
      assertThat(run.log()).doesNotContain("hunter2").doesNotContain("unexpected error");
    }
  }

  @Test
  void anUnwritableOutputFile_isRefusedBeforeAnyChange() throws Exception {
    try (Stage stage = Stage.pair()) {
      Path directory = Files.createDirectories(stage.dir.resolve("not-a-file"));
      Map<String, String> env =
          deployInputs(
              Map.of("version-label", "v2", "source-bundle", stage.bundle("v2", null).toString()));
      env.put("GITHUB_OUTPUT", directory.toString());

      Stage.Run run = stage.run(env);

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.log()).contains("::error::GITHUB_OUTPUT: cannot write " + directory);
      assertThat(stage.sim.calls().mutating()).isEmpty();
    }
  }

  @Test
  void outputsThatCannotBeWrittenAtTheEnd_failTheStepAndSayTheDeploymentSucceeded()
      throws Exception {
    try (Stage stage = Stage.pair()) {
      Path output = stage.dir.resolve("output.txt");
      stage.time.addObserver(
          (from, to) -> {
            if (stage.sim.calls().count("SwapEnvironmentCNAMEs") > 0
                && !Files.isDirectory(output)) {
              try {
                Files.deleteIfExists(output);
                Files.createDirectories(output);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }
          });
      Map<String, String> env =
          deployInputs(
              Map.of("version-label", "v2", "source-bundle", stage.bundle("v2", null).toString()));
      env.put("GITHUB_OUTPUT", output.toString());

      Stage.Run run = stage.run(env);

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.log())
          .contains(
              "::error::cannot write GITHUB_OUTPUT " + output,
              "the deployment itself succeeded (✅ v2 is live on shop-green), but later steps would read missing outputs");
      assertThat(run.summary()).startsWith("> [!CAUTION]\n> The step outputs could not be written");
      assertThat(stage.liveName()).isEqualTo("shop-green");
      stage.assertProductionAlwaysServed();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"simulate", "demo", "--help", "benchmark", "frobnicate", "deploy --dry-run"})
  void theCommandInput_acceptsOnlyTheActionsCommands(String command) {
    try (Stage stage = Stage.pair()) {
      Map<String, String> env = deployInputs(Map.of("command", command, "version-label", "v2"));

      Stage.Run run = stage.run(env);

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.log())
          .contains(
              "::error::command: '"
                  + command
                  + "' is not one of deploy, swap, rollback, status, "
                  + "cleanup");
      assertThat(run.outputs()).containsEntry("result", "failed");
      assertThat(run.summary()).contains("Nothing was changed");
      assertThat(stage.sim.calls().all()).isEmpty();
    }
  }

  @Test
  void theCommandInput_isCaseInsensitiveAsBefore() {
    try (Stage stage = Stage.pair()) {
      Stage.Run run = stage.run(deployInputs(Map.of("command", "Status")));
      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(run.outputs()).containsEntry("result", "status");
      assertThat(List.of(run.outputs().get("live-environment"))).containsExactly("shop-blue");
    }
  }
}
