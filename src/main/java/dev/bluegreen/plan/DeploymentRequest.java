package dev.bluegreen.plan;

import dev.bluegreen.bundle.SourceBundle;
import dev.bluegreen.health.HealthCheckSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * Every input, parsed and validated once.
 *
 * @param productionCname the prefix or full CNAME users reach; null when not given (clone strategy)
 * @param sourceBundle the file or directory to deploy; null when the version must already exist
 * @param s3Bucket null means the account's Elastic Beanstalk storage bucket
 * @param runId identifies this run in tags ({@code bluegreen:run-id}) and template names
 * @param runUrl a link to the workflow run, when there is one
 */
public record DeploymentRequest(
    Command command,
    String application,
    String blueEnvironment,
    String greenEnvironment,
    Strategy strategy,
    String productionCname,
    String versionLabel,
    SourceBundle sourceBundle,
    String s3Bucket,
    String s3Key,
    String versionDescription,
    HealthCheckSettings healthCheck,
    Set<String> acceptedHealth,
    Duration waitTimeout,
    Duration pollInterval,
    Duration drainTime,
    boolean rollbackOnFailure,
    boolean promote,
    boolean terminateStandby,
    boolean keepTemporary,
    int keepVersions,
    boolean dryRun,
    String region,
    String runId,
    String runUrl) {

  /** The region is validated; the id comes from AWS and is encoded, so the link cannot become anything else. */
  public String consoleLink(String environmentId) {
    return "https://" + region + ".console.aws.amazon.com/elasticbeanstalk/home?region=" + region
        + "#/environment/dashboard?environmentId=" + URLEncoder.encode(String.valueOf(environmentId), StandardCharsets.UTF_8);
  }
}
