package dev.bluegreen.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.simulator.Call;
import dev.bluegreen.simulator.Simulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The binary as the GitHub runner runs it: no arguments, inputs only as INPUT_* variables (upper
 * case, hyphens kept, unset ones present and empty), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
 */
class ActionRunIT {

  /**
   * Every input of action.yml, as the runner passes it: declared inputs without a value are empty
   * strings.
   */
  static Map<String, String> inputs(Map<String, String> given) {
    Map<String, String> env = new LinkedHashMap<>();
    for (dev.bluegreen.inputs.Input<?> input : dev.bluegreen.inputs.Inputs.ALL) {
      env.put("INPUT_" + input.name().toUpperCase(Locale.ROOT), input.defaultText());
    }
    given.forEach((k, v) -> env.put("INPUT_" + k.toUpperCase(Locale.ROOT), v));
    env.put("GITHUB_SHA", "3f9a2c1d0e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f");
    env.put("GITHUB_RUN_ID", "8812345");
    env.put("GITHUB_SERVER_URL", "https://github.com");
    env.put("GITHUB_REPOSITORY", "octo/shop");
    return env;
  }

  @Test
  void environmentOnly_deploysWithTheDefaultLabel() {
    try (Stage stage = Stage.pair()) {
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
                  "shop",
                  "source-bundle",
                  "app"));
      env.put("GITHUB_WORKSPACE", stage.bundle("app", null).getParent().toString());

      Stage.Run run = stage.run(env);

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(run.outputs())
          .containsEntry("result", "promoted")
          .containsEntry("version-label", "3f9a2c1-8812345");
      Call version =
          stage.sim.calls().matching(c -> c.operation().equals("CreateApplicationVersion")).get(0);
      assertThat(version.parameters())
          .containsEntry("Description", "https://github.com/octo/shop/actions/runs/8812345");
      assertThat(run.summary()).startsWith("## ✅ `3f9a2c1-8812345` is live on shop-green");
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void theGeneralEndpointVariable_pointsEveryServiceAtTheSimulator() {
    try (Stage stage = Stage.pair()) {
      Map<String, String> env =
          inputs(
              Map.of(
                  "command",
                  "status",
                  "application-name",
                  "shop",
                  "blue-environment",
                  "shop-blue",
                  "green-environment",
                  "shop-green",
                  "production-cname",
                  "shop"));
      env.put("AWS_ENDPOINT_URL", stage.sim.endpoint());
      env.put("AWS_ENDPOINT_URL_ELASTIC_BEANSTALK", "");
      env.put("AWS_ENDPOINT_URL_S3", "");
      env.put("AWS_ENDPOINT_URL_STS", "");

      Stage.Run run = stage.run(env);

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(run.outputs()).containsEntry("result", "status");
      assertThat(stage.sim.calls().count("DescribeEnvironments")).isEqualTo(1);
    }
  }

  @Test
  void aHealthCheckerPutInTheContext_replacesTheHttpOne() {
    try (Stage stage = Stage.pair()) {
      List<String> checked = new java.util.ArrayList<>();
      dev.bluegreen.health.HealthChecker refusing =
          (host, settings, log) -> {
            checked.add(host);
            return new dev.bluegreen.health.HealthVerdict(
                false, settings.url(host), 1, 0, List.of("HTTP 418 from the fake"));
          };

      Stage.Run run =
          stage.run(
              Map.of(),
              List.of(refusing),
              Stage.swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));

      assertThat(run.exit()).as(run.log()).isEqualTo(1);
      assertThat(checked).containsExactly("shop-staging.us-east-1.elasticbeanstalk.com");
      assertThat(run.summaryText())
          .contains(
              "failed its health check of http://shop-staging.us-east-1.elasticbeanstalk.com/ "
                  + "failed after 1 requests: HTTP 418 from the fake");
      assertThat(stage.sim.calls().count("SwapEnvironmentCNAMEs")).isZero();
    }
  }

  @Test
  void invalidInputs_areAllReportedTogetherWithExit2AndNoCall() {
    try (Stage stage = Stage.pair()) {
      Map<String, String> env =
          inputs(
              Map.of(
                  "application-name",
                  "shop",
                  "blue-environment",
                  "x",
                  "green-environment",
                  "shop-green",
                  "wait-timeout",
                  "soon",
                  "promote",
                  "yes",
                  "health-check-status",
                  "abc",
                  "accepted-health",
                  "Green,Purple",
                  "strategy",
                  "canary"));

      Stage.Run run = stage.run(env);

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.log())
          .contains(
              "::error::blue-environment: 'x' must be 4 to 40 letters",
              "::error::wait-timeout: 'soon' is not a duration",
              "::error::promote: 'yes' is not a boolean",
              "::error::health-check-status: 'abc'",
              "::error::accepted-health: 'Purple' is not a health colour",
              "::error::strategy: 'canary' is not one of swap, clone");
      assertThat(run.outputs()).containsEntry("result", "failed");
      assertThat(run.summary()).contains("Nothing was changed");
      assertThat(stage.sim.calls().all())
          .as("no call at all: the names are invalid, so not even a lookup")
          .isEmpty();
    }
  }

  @Test
  void missingProductionCname_namesBothEnvironmentsCnames() {
    try (Stage stage = Stage.pair()) {
      Map<String, String> env =
          inputs(
              Map.of(
                  "application-name",
                  "shop",
                  "blue-environment",
                  "shop-blue",
                  "green-environment",
                  "shop-green"));

      Stage.Run run = stage.run(env);

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.log())
          .contains(
              "production-cname: required with strategy swap, to tell which environment is live",
              "shop-blue → shop.us-east-1.elasticbeanstalk.com",
              "shop-green → shop-staging.us-east-1.elasticbeanstalk.com");
      assertThat(stage.sim.calls().mutating()).isEmpty();
    }
  }

  @Test
  void roleToAssume_exchangesTheJobsTokenAndRenewsItDuringALongRun() throws Exception {
    try (Stage stage = new Stage(CloneStrategyIT.seed(false));
        FakeTokenService github = new FakeTokenService()) {
      stage.sim.overrideSessionLength(Duration.ofMinutes(5));
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
                  "role-to-assume",
                  "arn:aws:iam::123456789012:role/deployer"));
      env.put("GITHUB_WORKSPACE", stage.bundle("v2", null).getParent().toString());
      env.put("ACTIONS_ID_TOKEN_REQUEST_URL", github.requestUrl());
      env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", FakeTokenService.REQUEST_TOKEN);
      env.put("AWS_ACCESS_KEY_ID", "");
      env.put("AWS_SECRET_ACCESS_KEY", "");

      Stage.Run run = stage.run(env);

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(github.audiences())
          .hasSizeGreaterThanOrEqualTo(2)
          .allMatch("sts.amazonaws.com"::equals);
      List<Call> assumes =
          stage.sim.calls().matching(c -> c.operation().equals("AssumeRoleWithWebIdentity"));
      assertThat(assumes).hasSize(github.issued().size());
      assertThat(assumes.get(0).parameters())
          .containsEntry("RoleArn", "arn:aws:iam::123456789012:role/deployer")
          .containsEntry("RoleSessionName", "beanstalk-blue-green");
      Set<String> keys =
          stage.sim.calls().matching(c -> c.service().equals("elasticbeanstalk")).stream()
              .map(Call::accessKeyId)
              .collect(Collectors.toSet());
      assertThat(keys).hasSizeGreaterThanOrEqualTo(2).allMatch(k -> k.startsWith("ASIA"));
      assertThat(stage.sim.calls().matching(c -> c.outcome().equals("ExpiredToken"))).isEmpty();

      String everything = visible(run.log()) + run.outputs() + run.summary();
      assertThat(everything).doesNotContain(FakeTokenService.REQUEST_TOKEN);
      for (String jwt : github.issued()) {
        assertThat(everything).doesNotContain(jwt);
      }
      for (String key : keys) {
        assertThat(everything)
            .doesNotContain("simulated-secret-" + key)
            .doesNotContain("simulated-session-token-" + key);
      }
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void staticCredentials_neverAppearInTheOutput() {
    try (Stage stage = Stage.pair()) {
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
                  "shop",
                  "source-bundle",
                  "app",
                  "version-label",
                  "v1-broken"));
      env.put(
          "GITHUB_WORKSPACE", stage.bundle("app", "{\"deploy\":\"fail\"}").getParent().toString());
      env.put("AWS_SESSION_TOKEN", "FwoGZXIvYXdzEJr//////////wEaDEXAMPLEsessiontoken");
      env.put("RUNNER_DEBUG", "1");

      Stage.Run run = stage.run(env);

      assertThat(run.exit()).as(run.log()).isEqualTo(1);
      String everything = visible(run.log()) + run.outputs() + run.summary();
      assertThat(everything)
          .doesNotContain(Simulator.SECRET_ACCESS_KEY)
          .doesNotContain("EXAMPLEsessiontoken");
      assertThat(run.log()).contains("::add-mask::" + Simulator.SECRET_ACCESS_KEY);
    }
  }

  /** The log as a person sees it in GitHub: the runner consumes ::add-mask:: lines. */
  static String visible(String log) {
    return log.lines().filter(l -> !l.startsWith("::add-mask::")).collect(Collectors.joining("\n"));
  }
}
