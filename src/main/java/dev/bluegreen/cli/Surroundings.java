package dev.bluegreen.cli;

import dev.bluegreen.action.ActionEnvironment;
import dev.bluegreen.beanstalk.AwsEnvironment;
import dev.bluegreen.deploy.Invocation;
import dev.bluegreen.http.Urls;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the command runs, for the request's rules: GitHub Actions (or not), the AWS environment,
 * the working directory.
 */
record Surroundings(ActionEnvironment action, AwsEnvironment aws, Path workDir)
    implements Invocation {

  @Override
  public Path workspace() {
    return action.workspace().orElse(workDir);
  }

  @Override
  public boolean confinesAbsolutePaths() {
    return action.isActions() || action.workspace().isPresent();
  }

  @Override
  public Optional<String> defaultVersionLabel() {
    return action.defaultVersionLabel();
  }

  @Override
  public Optional<String> noDefaultVersionLabelReason() {
    return action.noDefaultVersionLabelReason();
  }

  @Override
  public Optional<String> beanstalkEndpoint() {
    return Optional.ofNullable(aws.endpoints().byService().get(AwsEnvironment.ELASTIC_BEANSTALK))
        .map(Urls::redact);
  }

  @Override
  public Optional<String> runId() {
    return action.runId();
  }

  @Override
  public Optional<String> runUrl() {
    return action.runUrl();
  }

  @Override
  public Optional<String> defaultRegion() {
    return aws.region();
  }

  @Override
  public Optional<String> roleToAssumeProblem() {
    return action.roleToAssumeProblem();
  }
}
