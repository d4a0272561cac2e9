package dev.bluegreen.deploy;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a request takes from where the command runs (GitHub Actions or elsewhere, and the AWS
 * environment), so that the request's rules need to know neither.
 */
public interface Invocation {

  /** Where source-bundle is resolved. */
  Path workspace();

  /** Whether source-bundle must lie inside the workspace even when it is an absolute path. */
  boolean confinesAbsolutePaths();

  /** The version label to use when none is given, if the surroundings give one. */
  Optional<String> defaultVersionLabel();

  /**
   * In GitHub Actions without a default version label, why there is none (e.g. "GITHUB_SHA is not
   * set"); empty elsewhere.
   */
  Optional<String> noDefaultVersionLabelReason();

  /**
   * The Elastic Beanstalk endpoint when it is not AWS's own (an {@code AWS_ENDPOINT_URL*} variable
   * points it elsewhere, e.g. at {@code bluegreen simulate}).
   */
  Optional<String> beanstalkEndpoint();

  /** Identifies this run in tags and template names, when the surroundings have an id. */
  Optional<String> runId();

  /** A link to the run, for version descriptions. */
  Optional<String> runUrl();

  /** The region to use when aws-region is not given. */
  Optional<String> defaultRegion();

  /** Why role-to-assume cannot work here, when it cannot. */
  Optional<String> roleToAssumeProblem();
}
