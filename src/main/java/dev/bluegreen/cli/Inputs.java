package dev.bluegreen.cli;

import java.util.List;
import java.util.Optional;

/**
 * The action's inputs and outputs: one list that action.yml, the CLI's options and the README's
 * tables are checked against. Each input is also the CLI flag {@code --<name>} and the variable
 * {@code INPUT_<NAME>}.
 */
public final class Inputs {
  private Inputs() {}

  /** An input: its name, the default written in action.yml (empty when computed), and its description. */
  public record Input(String name, String defaultValue, String description) {}

  /** An output and its description. */
  public record Output(String name, String description) {}

  public static final List<Input> ALL = List.of(
      new Input("command", "deploy", "What to do: deploy, swap, rollback, status or cleanup. Default: deploy."),
      new Input("application-name", "", "The Elastic Beanstalk application. Required; 1 to 100 characters."),
      new Input("blue-environment", "", "swap: one of the pair. clone: the permanent environment that serves production. "
          + "Required; 4 to 40 letters, digits and hyphens."),
      new Input("green-environment", "", "swap: the other of the pair. clone: the name of the temporary clone, which must "
          + "not exist. Required; 4 to 40 letters, digits and hyphens."),
      new Input("strategy", "swap", "swap (two persistent environments) or clone (a temporary clone of blue). Default: swap."),
      new Input("production-cname", "", "The CNAME prefix (my-app) or full CNAME (my-app.us-east-1.elasticbeanstalk.com) "
          + "users reach; the environment holding it is live. Required for strategy swap; default for clone: blue's CNAME."),
      new Input("version-label", "", "Application version label, 1 to 100 characters without '/'. Default in Actions: "
          + "<first 7 of GITHUB_SHA>-<GITHUB_RUN_ID>; required elsewhere for deploy."),
      new Input("source-bundle", "", "File (.zip, .jar, .war) or directory (zipped) to deploy, relative to the workspace. "
          + "Default: empty, the version must exist."),
      new Input("s3-bucket", "", "Bucket for the bundle. Default: the account's Elastic Beanstalk storage bucket."),
      new Input("s3-key", "", "Object key of the bundle. Default: <application-name>/<version-label>.zip."),
      new Input("version-description", "", "Description of the new version, at most 200 characters. Default in Actions: "
          + "the workflow run's URL."),
      new Input("health-check-path", "/", "Path requested by the HTTP health checks. Default: /."),
      new Input("health-check-scheme", "http", "http or https (TLS verified). Default: http."),
      new Input("health-check-status", "200", "Accepted HTTP statuses: 200,204 or 2xx or 200-399. Default: 200."),
      new Input("health-check-contains", "", "Text the response body must contain. Default: empty (not checked)."),
      new Input("health-check-timeout", "5s", "Timeout of one health-check request, 1s to 5m. Default: 5s."),
      new Input("health-check-successes", "3", "Consecutive successful requests needed, 1 to 100. Default: 3."),
      new Input("health-check-max-wait", "2m", "Give the health check up after this long, at most 1h. Default: 2m."),
      new Input("accepted-health", "Green", "Elastic Beanstalk health colours accepted, e.g. Green,Yellow. Default: Green."),
      new Input("wait-timeout", "30m", "Longest wait for one environment operation, at most 5h50m. Default: 30m."),
      new Input("poll-interval", "5s", "Base interval of environment polling (adaptive, never below it), 1s to 5m. "
          + "Default: 5s."),
      new Input("drain-time", "60s", "How long an environment that just lost the production CNAME keeps running before it "
          + "is terminated (DNS caches), at most 1h. Default: 60s."),
      new Input("rollback-on-failure", "true", "Swap back when production checks fail after a swap. Default: true."),
      new Input("promote", "true", "swap: false deploys and tests the standby but does not swap. Default: true."),
      new Input("terminate-standby", "false", "swap: terminate the old live after success and drain-time. Default: false."),
      new Input("keep-temporary", "false", "clone: keep the temporary environment. Default: false."),
      new Input("keep-versions", "0", "cleanup: application versions to keep, newest first; versions in use are never "
          + "deleted. 0 means don't prune. Default: 0."),
      new Input("aws-region", "", "AWS region. Default: AWS_REGION, then AWS_DEFAULT_REGION."),
      new Input("role-to-assume", "", "Role ARN to assume with the job's OIDC token (needs permissions: id-token: write). "
          + "Default: empty, the SDK's default credentials."),
      new Input("role-session-name", "beanstalk-blue-green", "Session name for role-to-assume, 2 to 64 characters. "
          + "Default: beanstalk-blue-green."),
      new Input("dry-run", "false", "Read-only: print the plan and what each step would do. Default: false."));

  public static final List<Output> OUTPUTS = List.of(
      new Output("result", "deployed, promoted, rolled-back, failed, planned, swapped, status or cleaned."),
      new Output("live-environment", "Name of the environment holding the production CNAME at the end."),
      new Output("live-environment-id", "Id of the live environment."),
      new Output("live-cname", "CNAME of the live environment."),
      new Output("live-url", "URL of production (health-check-scheme and the live CNAME)."),
      new Output("standby-environment", "Name of the other environment, if it exists."),
      new Output("standby-cname", "CNAME of the standby environment."),
      new Output("standby-url", "URL of the standby, for tests before a swap (promote: false)."),
      new Output("version-label", "The version deployed (deploy) or live (other commands)."),
      new Output("previous-version-label", "The version production ran before this run."),
      new Output("version-created", "true when this run created the application version, false when it existed."),
      new Output("duration-seconds", "How long the run took."),
      new Output("steps", "JSON array of the steps: id, status, seconds."));

  public static Optional<Input> named(String name) {
    return ALL.stream().filter(i -> i.name().equals(name)).findFirst();
  }
}
