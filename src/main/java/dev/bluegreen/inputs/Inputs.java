package dev.bluegreen.inputs;

import static dev.bluegreen.inputs.Parsers.and;
import static dev.bluegreen.inputs.Parsers.bool;
import static dev.bluegreen.inputs.Parsers.bytesUpTo;
import static dev.bluegreen.inputs.Parsers.checked;
import static dev.bluegreen.inputs.Parsers.duration;
import static dev.bluegreen.inputs.Parsers.integer;
import static dev.bluegreen.inputs.Parsers.matching;
import static dev.bluegreen.inputs.Parsers.text;
import static dev.bluegreen.inputs.Parsers.upTo;

import dev.bluegreen.health.HealthCheckSettings;
import dev.bluegreen.health.StatusMatcher;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every input and output of the action. action.yml, the CLI's {@code --flags}, the {@code INPUT_}
 * mapping and the README's tables derive from these lists ({@code ActionContractTest} checks the
 * files). Adding an input is a declaration here and the code that reads it.
 */
public final class Inputs {
  private Inputs() {}

  /** GitHub ends a job after 6 hours; a single wait must leave room for the rest of the run. */
  public static final Duration MAX_WAIT_TIMEOUT = Duration.ofHours(5).plusMinutes(50);

  /** Elastic Beanstalk's health colours, in the spelling its API uses. */
  public static final List<String> COLOURS = List.of("Green", "Yellow", "Red", "Grey");

  private static final String ENVIRONMENT_NAME = "^[a-zA-Z0-9][a-zA-Z0-9-]{2,38}[a-zA-Z0-9]$";
  private static final String ENVIRONMENT_RULE =
      "must be 4 to 40 letters, digits and hyphens, not starting or ending with a hyphen";

  /**
   * RFC 3986 path-absolute with an optional query: pchar, '/' and '?' only, percent-escapes well
   * formed.
   */
  private static final String URL_PATH = "^/([A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*$";

  public static final Input<String> COMMAND =
      Input.of(
          "command",
          "deploy",
          "COMMAND",
          text(),
          "What to do: deploy, swap, rollback, status or cleanup. Default: deploy.");
  public static final Input<String> APPLICATION =
      Input.of(
              "application-name",
              "",
              "NAME",
              upTo(100),
              "The Elastic Beanstalk application. Required; 1 to 100 characters.")
          .required(Requirement.always());
  public static final Input<String> BLUE =
      Input.of(
              "blue-environment",
              "",
              "NAME",
              matching(ENVIRONMENT_NAME, ENVIRONMENT_RULE),
              "swap: one of the pair. clone: the permanent environment that serves production. Required; 4 to "
                  + "40 letters, digits and hyphens.")
          .required(Requirement.always());
  public static final Input<String> GREEN =
      Input.of(
              "green-environment",
              "",
              "NAME",
              matching(ENVIRONMENT_NAME, ENVIRONMENT_RULE),
              "swap: the other of the pair. clone: the name of the temporary clone, which must not exist. "
                  + "Required; 4 to 40 letters, digits and hyphens.")
          .required(Requirement.always());
  public static final Input<Strategy> STRATEGY =
      Input.of(
          "strategy",
          "swap",
          "swap|clone",
          Parsers.choice(Strategy.class, Strategy::input),
          "swap (two persistent environments) or clone (a temporary clone "
              + "of blue). Default: swap.");
  public static final Input<String> PRODUCTION_CNAME =
      Input.of(
              "production-cname",
              "",
              "CNAME",
              matching("^(https?://)?[A-Za-z0-9.-]+\\.?/?$", "is not a CNAME prefix or host name"),
              "The CNAME prefix (my-app) or "
                  + "full CNAME (my-app.us-east-1.elasticbeanstalk.com) users reach; the environment holding it is live. Required for "
                  + "strategy swap; default for clone: blue's CNAME.")
          .required(
              Requirement.withStrategy(
                  Strategy.SWAP,
                  "to tell which environment is live",
                  EnumSet.of(Command.DEPLOY, Command.SWAP, Command.ROLLBACK, Command.STATUS)));
  public static final Input<String> VERSION_LABEL =
      Input.of(
              "version-label",
              "",
              "LABEL",
              matching("^[^/]{1,100}$", "must be 1 to 100 characters without '/'"),
              "Application version label, 1 to 100 "
                  + "characters without '/'. Default in Actions: <first 7 of GITHUB_SHA>-<GITHUB_RUN_ID>; required elsewhere for "
                  + "deploy.")
          .required(Requirement.outsideActions(Command.DEPLOY, "to name the new version"));
  public static final Input<String> SOURCE_BUNDLE =
      Input.of(
              "source-bundle",
              "",
              "PATH",
              text(),
              "File (.zip, .jar, .war) or directory (zipped) to deploy, relative to the workspace. Default: empty, the version "
                  + "must exist.")
          .commands(Command.DEPLOY);
  public static final Input<String> S3_BUCKET =
      Input.of(
              "s3-bucket",
              "",
              "BUCKET",
              checked(b -> S3Names.bucketProblem(b).map(p -> "'" + b + "' " + p)),
              "Bucket for the bundle. Default: the account's Elastic Beanstalk storage bucket.")
          .commands(Command.DEPLOY);
  public static final Input<String> S3_KEY =
      Input.of(
              "s3-key",
              "",
              "KEY",
              checked(S3Names::keyProblem),
              "Object key of the bundle. Default: <application-name>/<version-label>.zip.")
          .commands(Command.DEPLOY);
  public static final Input<String> VERSION_DESCRIPTION =
      Input.of(
              "version-description",
              "",
              "TEXT",
              upTo(200),
              "Description of the new version, at most 200 characters. Default in Actions: the workflow run's URL.")
          .commands(Command.DEPLOY);
  public static final Input<String> HEALTH_CHECK_PATH =
      Input.of(
          "health-check-path",
          "/",
          "PATH",
          and(
              matching("^/.*", "must start with /"),
              matching(
                  URL_PATH,
                  "is not a URL path and query: characters other "
                      + "than letters, digits and -._~!$&'()*+,;=:@/? must be percent-encoded (a space is %20), and there is no "
                      + "#fragment")),
          "Path requested by the HTTP health checks. Default: /.");
  public static final Input<String> HEALTH_CHECK_SCHEME =
      Input.of(
          "health-check-scheme",
          "http",
          "http|https",
          Parsers.word(List.of("http", "https")),
          "http or https (TLS verified). Default: http.");
  public static final Input<StatusMatcher> HEALTH_CHECK_STATUS =
      Input.of(
          "health-check-status",
          "200",
          "STATUSES",
          Parsers.statuses(),
          "Accepted HTTP statuses: 200,204 or 2xx or 200-399. Default: 200.");
  public static final Input<String> HEALTH_CHECK_CONTAINS =
      Input.of(
          "health-check-contains",
          "",
          "TEXT",
          bytesUpTo(
              HealthCheckSettings.MAX_CONTAINS_BYTES,
              " (the check reads the first "
                  + HealthCheckSettings.MAX_BODY_BYTES / 1024
                  + " KiB of the body)"),
          "Text the response body must contain. Default: empty (not checked).");
  public static final Input<Duration> HEALTH_CHECK_TIMEOUT =
      Input.of(
          "health-check-timeout",
          "5s",
          "DURATION",
          duration(Duration.ofSeconds(1), Duration.ofMinutes(5)),
          "Timeout of one health-check request, 1s to 5m. Default: 5s.");
  public static final Input<Integer> HEALTH_CHECK_SUCCESSES =
      Input.of(
          "health-check-successes",
          "3",
          "N",
          integer(1, 100),
          "Consecutive successful requests needed, 1 to 100. Default: 3.");
  public static final Input<Duration> HEALTH_CHECK_MAX_WAIT =
      Input.of(
          "health-check-max-wait",
          "2m",
          "DURATION",
          duration(Duration.ofSeconds(1), Duration.ofHours(1)),
          "Give the health check up after this long, at most 1h. Default: 2m.");
  public static final Input<Set<String>> ACCEPTED_HEALTH =
      Input.of(
          "accepted-health",
          "Green",
          "COLOURS",
          Parsers.namesOf(COLOURS, "health colour"),
          "Elastic Beanstalk health colours accepted, e.g. Green,Yellow. Default: Green.");
  public static final Input<Duration> WAIT_TIMEOUT =
      Input.of(
          "wait-timeout",
          "30m",
          "DURATION",
          duration(Duration.ofSeconds(1), MAX_WAIT_TIMEOUT),
          "Longest wait for one environment operation, at most 5h50m. Default: 30m.");
  public static final Input<Duration> POLL_INTERVAL =
      Input.of(
          "poll-interval",
          "5s",
          "DURATION",
          duration(Duration.ofSeconds(1), Duration.ofMinutes(5)),
          "Base interval of environment polling (adaptive, never "
              + "below it), 1s to 5m. Default: 5s.");
  public static final Input<Duration> DRAIN_TIME =
      Input.of(
          "drain-time",
          "60s",
          "DURATION",
          duration(Duration.ZERO, Duration.ofHours(1)),
          "How long an environment that just lost the production CNAME keeps "
              + "running before it is terminated (DNS caches), at most 1h. Default: 60s.");
  public static final Input<Boolean> ROLLBACK_ON_FAILURE =
      Input.of(
          "rollback-on-failure",
          "true",
          "BOOL",
          bool(),
          "Swap back when production checks fail after a swap. Default: true.");
  public static final Input<Boolean> PROMOTE =
      Input.of(
              "promote",
              "true",
              "BOOL",
              bool(),
              "swap: false deploys and tests the standby but does not swap. Default: true.")
          .strategy(
              Strategy.SWAP,
              "the clone strategy always ends with the new version live; use strategy swap to test a "
                  + "version before promoting it");
  public static final Input<Boolean> TERMINATE_STANDBY =
      Input.of(
              "terminate-standby",
              "false",
              "BOOL",
              bool(),
              "swap: terminate the old live after success and drain-time. Default: false.")
          .strategy(Strategy.SWAP, "the clone is always terminated; see keep-temporary");
  public static final Input<Boolean> KEEP_TEMPORARY =
      Input.of(
              "keep-temporary",
              "false",
              "BOOL",
              bool(),
              "clone: keep the temporary environment. Default: false.")
          .strategy(Strategy.CLONE, "");
  public static final Input<Integer> KEEP_VERSIONS =
      Input.of(
              "keep-versions",
              "0",
              "N",
              integer(0, 1000),
              "cleanup: application versions to keep, newest first; versions in use are never deleted. 0 means don't prune. "
                  + "Default: 0.")
          .commands(Command.CLEANUP);
  public static final Input<String> AWS_REGION =
      Input.of(
          "aws-region",
          "",
          "REGION",
          matching(
              "^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d+$", "is not a region name such as us-east-1"),
          "AWS region. Default: AWS_REGION, then AWS_DEFAULT_REGION.");
  public static final Input<String> ROLE_TO_ASSUME =
      Input.of(
          "role-to-assume",
          "",
          "ARN",
          matching(
              "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}$",
              "is not an IAM role ARN (arn:aws:iam::123456789012:role/name)"),
          "Role ARN to assume with the job's OIDC token (needs permissions: "
              + "id-token: write). Default: empty, the SDK's default credentials.");
  public static final Input<String> ROLE_SESSION_NAME =
      Input.of(
          "role-session-name",
          "beanstalk-blue-green",
          "NAME",
          matching("^[\\w+=,.@-]{2,64}$", "must be 2 to 64 letters, digits or +=,.@_-"),
          "Session name for role-to-assume, 2 "
              + "to 64 characters. Default: beanstalk-blue-green.");
  public static final Input<Boolean> DRY_RUN =
      Input.of(
          "dry-run",
          "false",
          "BOOL",
          bool(),
          "Read-only: print the plan and what each step would do. Default: false.");

  /** In action.yml's order. */
  public static final List<Input<?>> ALL =
      List.of(
          COMMAND,
          APPLICATION,
          BLUE,
          GREEN,
          STRATEGY,
          PRODUCTION_CNAME,
          VERSION_LABEL,
          SOURCE_BUNDLE,
          S3_BUCKET,
          S3_KEY,
          VERSION_DESCRIPTION,
          HEALTH_CHECK_PATH,
          HEALTH_CHECK_SCHEME,
          HEALTH_CHECK_STATUS,
          HEALTH_CHECK_CONTAINS,
          HEALTH_CHECK_TIMEOUT,
          HEALTH_CHECK_SUCCESSES,
          HEALTH_CHECK_MAX_WAIT,
          ACCEPTED_HEALTH,
          WAIT_TIMEOUT,
          POLL_INTERVAL,
          DRAIN_TIME,
          ROLLBACK_ON_FAILURE,
          PROMOTE,
          TERMINATE_STANDBY,
          KEEP_TEMPORARY,
          KEEP_VERSIONS,
          AWS_REGION,
          ROLE_TO_ASSUME,
          ROLE_SESSION_NAME,
          DRY_RUN);

  /** An output and its description. */
  public record Output(String name, String description) {}

  public static final List<Output> OUTPUTS =
      List.of(
          new Output(
              "result",
              "How the run ended: "
                  + String.join(", ", Result.allValues())
                  + " (each is defined in the README's Outputs section)."),
          new Output(
              "live-environment",
              "Name of the environment holding the production CNAME at the end."),
          new Output("live-environment-id", "Id of the live environment."),
          new Output("live-cname", "CNAME of the live environment."),
          new Output("live-url", "URL of production (health-check-scheme and the live CNAME)."),
          new Output("standby-environment", "Name of the other environment, if it exists."),
          new Output("standby-cname", "CNAME of the standby environment."),
          new Output(
              "standby-url", "URL of the standby, for tests before a swap (promote: false)."),
          new Output("version-label", "The version deployed (deploy) or live (other commands)."),
          new Output("previous-version-label", "The version production ran before this run."),
          new Output(
              "version-created",
              "true when this run created the application version, false when it existed."),
          new Output("duration-seconds", "How long the run took."),
          new Output("steps", "JSON array of the steps: id, status, seconds."));

  public static Optional<Input<?>> named(String name) {
    return ALL.stream().filter(i -> i.name().equals(name)).findFirst();
  }
}
