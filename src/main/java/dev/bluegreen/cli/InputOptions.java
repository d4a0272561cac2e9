package dev.bluegreen.cli;

import picocli.CommandLine.Option;

/**
 * The action's inputs as CLI options, all as text: {@link RequestParser} validates them together so
 * that every problem is reported at once. Unset options fall back to {@code INPUT_*} variables
 * ({@link ActionInputDefaults}), then to the contract's defaults.
 */
public final class InputOptions {
  @Option(names = "--application-name", paramLabel = "NAME", description = "Elastic Beanstalk application (required)")
  String applicationName;

  @Option(names = "--blue-environment", paramLabel = "NAME", description = "swap: one of the pair; clone: the permanent environment")
  String blueEnvironment;

  @Option(names = "--green-environment", paramLabel = "NAME", description = "swap: the other of the pair; clone: the temporary clone's name")
  String greenEnvironment;

  @Option(names = "--strategy", paramLabel = "swap|clone", description = "default: swap")
  String strategy;

  @Option(names = "--production-cname", paramLabel = "CNAME", description = "prefix or full CNAME users reach (required for swap)")
  String productionCname;

  @Option(names = "--version-label", paramLabel = "LABEL", description = "application version label")
  String versionLabel;

  @Option(names = "--source-bundle", paramLabel = "PATH", description = "file or directory to deploy")
  String sourceBundle;

  @Option(names = "--s3-bucket", paramLabel = "BUCKET", description = "default: the EB storage location")
  String s3Bucket;

  @Option(names = "--s3-key", paramLabel = "KEY", description = "default: <application>/<label>.zip")
  String s3Key;

  @Option(names = "--version-description", paramLabel = "TEXT", description = "default in Actions: the run URL")
  String versionDescription;

  @Option(names = "--health-check-path", paramLabel = "PATH", description = "default: /")
  String healthCheckPath;

  @Option(names = "--health-check-scheme", paramLabel = "http|https", description = "default: http")
  String healthCheckScheme;

  @Option(names = "--health-check-status", paramLabel = "STATUSES", description = "e.g. 200,204 or 2xx or 200-399; default: 200")
  String healthCheckStatus;

  @Option(names = "--health-check-contains", paramLabel = "TEXT", description = "text the body must contain")
  String healthCheckContains;

  @Option(names = "--health-check-timeout", paramLabel = "DURATION", description = "one request; default: 5s")
  String healthCheckTimeout;

  @Option(names = "--health-check-successes", paramLabel = "N", description = "consecutive successes; default: 3")
  String healthCheckSuccesses;

  @Option(names = "--health-check-max-wait", paramLabel = "DURATION", description = "default: 2m")
  String healthCheckMaxWait;

  @Option(names = "--accepted-health", paramLabel = "COLOURS", description = "e.g. Green,Yellow; default: Green")
  String acceptedHealth;

  @Option(names = "--wait-timeout", paramLabel = "DURATION", description = "longest wait for one operation; default: 30m")
  String waitTimeout;

  @Option(names = "--poll-interval", paramLabel = "DURATION", description = "base polling interval; default: 5s")
  String pollInterval;

  @Option(names = "--drain-time", paramLabel = "DURATION", description = "before terminating an environment that lost production; default: 60s")
  String drainTime;

  @Option(names = "--rollback-on-failure", paramLabel = "BOOL", description = "default: true")
  String rollbackOnFailure;

  @Option(names = "--promote", paramLabel = "BOOL", description = "swap: false deploys and tests without swapping; default: true")
  String promote;

  @Option(names = "--terminate-standby", paramLabel = "BOOL", description = "swap: terminate the old live after drain-time; default: false")
  String terminateStandby;

  @Option(names = "--keep-temporary", paramLabel = "BOOL", description = "clone: keep the temporary environment; default: false")
  String keepTemporary;

  @Option(names = "--keep-versions", paramLabel = "N", description = "cleanup: versions to keep (0: don't prune); default: 0")
  String keepVersions;

  @Option(names = "--aws-region", paramLabel = "REGION", description = "default: AWS_REGION, then AWS_DEFAULT_REGION")
  String awsRegion;

  @Option(names = "--role-to-assume", paramLabel = "ARN", description = "assume with the job's OIDC token")
  String roleToAssume;

  @Option(names = "--role-session-name", paramLabel = "NAME", description = "default: beanstalk-blue-green")
  String roleSessionName;

  @Option(names = "--dry-run", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true", description = "read-only: print the plan")
  String dryRun;
}
