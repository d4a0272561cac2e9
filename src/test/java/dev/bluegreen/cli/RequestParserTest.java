package dev.bluegreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.action.ActionEnvironment;
import dev.bluegreen.beanstalk.AwsEnvironment;
import dev.bluegreen.deploy.Request;
import dev.bluegreen.deploy.RequestBuilder;
import dev.bluegreen.deploy.Topology;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.inputs.Input;
import dev.bluegreen.inputs.Inputs;
import dev.bluegreen.inputs.Strategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class RequestParserTest {

  @TempDir Path dir;

  /**
   * The arguments as the deploy command parses them (flags, then INPUT_ and DNX variables), then
   * the request's rules.
   */
  private RequestBuilder.Parsed parse(Map<String, String> env, String... args) {
    return parse(Command.DEPLOY, env, args);
  }

  private RequestBuilder.Parsed parse(Command command, Map<String, String> env, String... args) {
    CommandLine root = Cli.withInputOptions(new CommandLine(new BlueGreenCommand()));
    root.setDefaultValueProvider(new ActionInputDefaults(env));
    String[] all = new String[args.length + 1];
    all[0] = command.input();
    System.arraycopy(args, 0, all, 1, args.length);
    root.parseArgs(all);
    CommandLine deploy = root.getSubcommands().get(command.input());
    Map<String, String> texts = new java.util.HashMap<>();
    for (Input<?> input : Inputs.ALL) {
      CommandLine.Model.OptionSpec option = deploy.getCommandSpec().findOption(input.flag());
      if (option != null) {
        texts.put(input.name(), option.getValue());
      }
    }
    Surroundings here = new Surroundings(new ActionEnvironment(env), new AwsEnvironment(env), dir);
    return new RequestBuilder(here).build(command, texts);
  }

  /** A swap deploy's names without a version label. */
  private static final String[] PAIR = {
    "--application-name",
    "shop",
    "--blue-environment",
    "shop-blue",
    "--green-environment",
    "shop-green",
    "--production-cname",
    "shop"
  };

  private static Map<String, String> region() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_REGION", "eu-west-1");
    return env;
  }

  @Test
  void defaults_areTheContracts() {
    RequestBuilder.Parsed parsed =
        parse(
            region(),
            Stream.concat(Arrays.stream(PAIR), Stream.of("--version-label", "v2"))
                .toArray(String[]::new));

    assertThat(parsed.problems()).isEmpty();
    Request r = parsed.request();
    assertThat(r.get(Inputs.STRATEGY)).isEqualTo(Strategy.SWAP);
    assertThat(r.get(Inputs.WAIT_TIMEOUT)).isEqualTo(Duration.ofMinutes(30));
    assertThat(r.get(Inputs.POLL_INTERVAL)).isEqualTo(Duration.ofSeconds(5));
    assertThat(r.get(Inputs.DRAIN_TIME)).isEqualTo(Duration.ofSeconds(60));
    assertThat(r.get(Inputs.ACCEPTED_HEALTH)).containsExactly("Green");
    assertThat(r.healthCheck().url("h")).isEqualTo("http://h/");
    assertThat(r.healthCheck().successes()).isEqualTo(3);
    assertThat(r.healthCheck().statuses().accepts(200)).isTrue();
    assertThat(r.get(Inputs.ROLLBACK_ON_FAILURE)).isTrue();
    assertThat(r.get(Inputs.PROMOTE)).isTrue();
    assertThat(r.get(Inputs.TERMINATE_STANDBY)).isFalse();
    assertThat(r.dryRun()).isFalse();
    assertThat(r.region()).isEqualTo("eu-west-1");
  }

  @Test
  void everyProblemIsReportedTogether() {
    RequestBuilder.Parsed parsed =
        parse(
            Map.of(),
            "--blue-environment",
            "-bad",
            "--green-environment",
            "-bad",
            "--wait-timeout",
            "7h",
            "--poll-interval",
            "0",
            "--health-check-path",
            "health",
            "--keep-versions",
            "-1",
            "--role-to-assume",
            "arn:aws:iam::1:user/x",
            "--version-label",
            "a/b");

    assertThat(parsed.problems())
        .extracting(p -> p.substring(0, p.indexOf(':')))
        .containsExactlyInAnyOrder(
            "application-name",
            "blue-environment",
            "green-environment",
            "green-environment",
            "production-cname",
            "version-label",
            "health-check-path",
            "wait-timeout",
            "poll-interval",
            "keep-versions",
            "aws-region",
            "role-to-assume",
            "role-to-assume");
    assertThat(parsed.problems())
        .contains(
            "wait-timeout: '7h' must be between 1s and 5h 50m",
            "role-to-assume: needs the job's OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN are not set: add "
                + "'permissions: id-token: write' to the job (a job-level permissions block replaces the workflow's)");
  }

  @ParameterizedTest(name = "{0} with strategy {1} requires {2}")
  @CsvSource({
    "deploy,   swap,  'application-name,blue-environment,green-environment,production-cname,version-label'",
    "deploy,   clone, 'application-name,blue-environment,green-environment,version-label'",
    "swap,     swap,  'application-name,blue-environment,green-environment,production-cname'",
    "rollback, swap,  'application-name,blue-environment,green-environment,production-cname'",
    "status,   swap,  'application-name,blue-environment,green-environment,production-cname'",
    "status,   clone, 'application-name,blue-environment,green-environment'",
    "cleanup,  swap,  'application-name,blue-environment,green-environment'",
  })
  void requiredInputs_dependOnTheCommandAndTheStrategy(
      String command, String strategy, String required) {
    RequestBuilder.Parsed parsed =
        parse(Command.valueOf(command.toUpperCase(Locale.ROOT)), region(), "--strategy", strategy);

    assertThat(parsed.problems())
        .extracting(p -> p.substring(0, p.indexOf(':')))
        .containsExactlyInAnyOrder(required.split(","));
  }

  @Test
  void versionLabel_outsideActions_isRequiredAndSaysWhereItHasADefault() {
    RequestBuilder.Parsed parsed = parse(region(), PAIR);

    assertThat(parsed.problems())
        .containsExactly(
            "version-label: required outside GitHub Actions, to name the new version (in Actions it "
                + "defaults to <first 7 of GITHUB_SHA>-<GITHUB_RUN_ID>)");
  }

  @Test
  void versionLabel_inActionsWithoutGithubSha_namesTheMissingVariable() {
    Map<String, String> env = region();
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_RUN_ID", "8812345");
    RequestBuilder.Parsed parsed = parse(env, PAIR);

    assertThat(parsed.problems())
        .containsExactly(
            "version-label: required, to name the new version: in GitHub Actions it defaults to "
                + "<first 7 of GITHUB_SHA>-<GITHUB_RUN_ID>, but GITHUB_SHA is not set");
  }

  @ParameterizedTest
  @CsvSource({
    "true, true",
    "True, true",
    "TRUE, true",
    "false, false",
    "False, false",
    "FALSE, false"
  })
  void booleans_acceptTheSixYamlSpellings(String text, boolean value) {
    RequestBuilder.Parsed parsed =
        parse(
            region(),
            "--application-name",
            "a",
            "--blue-environment",
            "aaaa",
            "--green-environment",
            "bbbb",
            "--production-cname",
            "a",
            "--version-label",
            "v",
            "--promote",
            text);
    assertThat(parsed.request().get(Inputs.PROMOTE)).isEqualTo(value);
  }

  @ParameterizedTest
  @CsvSource({"yes", "on", "1", "tRUE"})
  void booleans_rejectOtherSpellings(String text) {
    RequestBuilder.Parsed parsed =
        parse(
            region(),
            "--application-name",
            "a",
            "--blue-environment",
            "aaaa",
            "--green-environment",
            "bbbb",
            "--production-cname",
            "a",
            "--version-label",
            "v",
            "--promote",
            text);
    assertThat(parsed.problems())
        .containsExactly("promote: '" + text + "' is not a boolean; use true or false");
  }

  @Test
  void inputVariables_keepHyphensAndEmptyMeansUnset() throws Exception {
    Files.createDirectories(dir.resolve("dist"));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("INPUT_APPLICATION-NAME", " shop ");
    env.put("INPUT_BLUE-ENVIRONMENT", "shop-blue");
    env.put("INPUT_GREEN-ENVIRONMENT", "shop-green");
    env.put("INPUT_PRODUCTION-CNAME", "shop");
    env.put("INPUT_WAIT-TIMEOUT", "");
    env.put("INPUT_AWS-REGION", "us-west-2");
    env.put("INPUT_SOURCE-BUNDLE", "dist");
    env.put("GITHUB_WORKSPACE", dir.toString());
    env.put("GITHUB_SHA", "abcdef0123456789");
    env.put("GITHUB_RUN_ID", "42");

    RequestBuilder.Parsed parsed = parse(env);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.request().application()).isEqualTo("shop");
    assertThat(parsed.request().get(Inputs.WAIT_TIMEOUT)).isEqualTo(Duration.ofMinutes(30));
    assertThat(parsed.request().region()).isEqualTo("us-west-2");
    assertThat(parsed.request().versionLabel()).isEqualTo("abcdef0-42");
    assertThat(parsed.request().bundle().orElseThrow().path())
        .isEqualTo(dir.resolve("dist").toRealPath());
  }

  @Test
  void region_fallsBackToAwsRegionThenAwsDefaultRegion() {
    String[] args = {
      "--application-name",
      "a",
      "--blue-environment",
      "aaaa",
      "--green-environment",
      "bbbb",
      "--production-cname",
      "a",
      "--version-label",
      "v"
    };
    assertThat(parse(Map.of("AWS_DEFAULT_REGION", "ap-south-1"), args).request().region())
        .isEqualTo("ap-south-1");
    assertThat(
            parse(Map.of("AWS_DEFAULT_REGION", "ap-south-1", "AWS_REGION", "eu-north-1"), args)
                .request()
                .region())
        .isEqualTo("eu-north-1");
    assertThat(
            parse(
                    Map.of(
                        "AWS_REGION",
                        "eu-north-1",
                        "INPUT_AWS-REGION",
                        "sa-east-1",
                        "INPUT_APPLICATION-NAME",
                        "a",
                        "INPUT_BLUE-ENVIRONMENT",
                        "aaaa",
                        "INPUT_GREEN-ENVIRONMENT",
                        "bbbb",
                        "INPUT_PRODUCTION-CNAME",
                        "a",
                        "INPUT_VERSION-LABEL",
                        "v"))
                .request()
                .region())
        .isEqualTo("sa-east-1");
  }

  @Test
  void flagsWinOverInputVariables() {
    Map<String, String> env = region();
    env.put("INPUT_STRATEGY", "clone");
    RequestBuilder.Parsed parsed =
        parse(
            env,
            "--strategy",
            "swap",
            "--application-name",
            "a",
            "--blue-environment",
            "aaaa",
            "--green-environment",
            "bbbb",
            "--production-cname",
            "a",
            "--version-label",
            "v");
    assertThat(parsed.request().get(Inputs.STRATEGY)).isEqualTo(Strategy.SWAP);
  }

  @Test
  void dnxLabsVariables_meanStrategyCloneWhenNoInputIsSet() {
    Map<String, String> env = region();
    env.put("BEANSTALK_APP_NAME", "legacy");
    env.put("BLUE_ENV_NAME", "legacy-prod");
    env.put("GREEN_ENV_NAME", "legacy-tmp");
    env.put("VERSION_LABEL", "build-7");
    env.put("S3_ARTIFACTS_BUCKET", "artifacts");
    env.put("RELEASE_HEALTH_CHECKING_PATH", "https://legacy.example.com/health");

    RequestBuilder.Parsed parsed = parse(env);

    assertThat(parsed.problems()).isEmpty();
    Request r = parsed.request();
    assertThat(r.get(Inputs.STRATEGY)).isEqualTo(Strategy.CLONE);
    assertThat(r.application()).isEqualTo("legacy");
    assertThat(((Topology.Clone) r.topology()).permanent()).isEqualTo("legacy-prod");
    assertThat(((Topology.Clone) r.topology()).temporary()).isEqualTo("legacy-tmp");
    assertThat(r.versionLabel()).isEqualTo("build-7");
    assertThat(r.get(Inputs.S3_BUCKET)).isEqualTo("artifacts");
    assertThat(r.healthCheck().url("h")).isEqualTo("https://h/health");
    assertThat(r.healthCheck().statuses().accepts(301)).isTrue();
    assertThat(Cli.implicitCommand(new Host(env, null, null, null, null, dir, null)))
        .containsExactly("deploy");
  }

  @Test
  void commandInput_picksTheSubcommandWhenRunWithoutArguments() {
    Map<String, String> env = Map.of("INPUT_COMMAND", "Rollback", "GITHUB_ACTIONS", "true");
    assertThat(Cli.implicitCommand(new Host(env, null, null, null, null, dir, null)))
        .containsExactly("rollback");
    assertThat(
            Cli.implicitCommand(
                new Host(Map.of("INPUT_COMMAND", ""), null, null, null, null, dir, null)))
        .containsExactly("deploy");
    assertThat(Cli.implicitCommand(new Host(Map.of(), null, null, null, null, dir, null)))
        .containsExactly("--help");
  }

  @Test
  void inputsThatTheCommandOrStrategyDoesNotUse_areWarnedAbout() {
    RequestBuilder.Parsed parsed =
        parse(
            region(),
            "--application-name",
            "a",
            "--blue-environment",
            "aaaa",
            "--green-environment",
            "bbbb",
            "--version-label",
            "v",
            "--strategy",
            "clone",
            "--keep-versions",
            "5",
            "--promote",
            "false",
            "--keep-temporary",
            "false");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.warnings())
        .containsExactly(
            "promote has no effect with strategy clone (the clone strategy always "
                + "ends with the new version live; use strategy swap to test a version before promoting it)",
            "keep-versions has no effect with command deploy (it is used by cleanup)");
  }
}
