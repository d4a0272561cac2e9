package dev.bluegreen.deploy;

import static dev.bluegreen.inputs.Inputs.HEALTH_CHECK_CONTAINS;
import static dev.bluegreen.inputs.Inputs.HEALTH_CHECK_MAX_WAIT;
import static dev.bluegreen.inputs.Inputs.HEALTH_CHECK_PATH;
import static dev.bluegreen.inputs.Inputs.HEALTH_CHECK_SCHEME;
import static dev.bluegreen.inputs.Inputs.HEALTH_CHECK_STATUS;
import static dev.bluegreen.inputs.Inputs.HEALTH_CHECK_SUCCESSES;
import static dev.bluegreen.inputs.Inputs.HEALTH_CHECK_TIMEOUT;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.bundle.SourceBundle;
import dev.bluegreen.health.HealthCheckSettings;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.inputs.Input;
import dev.bluegreen.inputs.InputValues;
import dev.bluegreen.inputs.Inputs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A command to run, validated: every input's value (read with {@link #get}), and what follows from
 * several of them together (the topology, the version label and bundle, region and run id). Built
 * by {@link RequestBuilder}; immutable.
 */
public final class Request {

  private final Command command;
  private final InputValues inputs;
  private final Topology topology;
  private final String versionLabel;
  private final SourceBundle bundle;
  private final String versionDescription;
  private final String region;
  private final String runId;
  private final String beanstalkEndpoint;
  private final HealthCheckSettings healthCheck;

  Request(
      Command command,
      InputValues inputs,
      Topology topology,
      String versionLabel,
      SourceBundle bundle,
      String versionDescription,
      String region,
      String runId,
      String beanstalkEndpoint) {
    this.command = command;
    this.inputs = inputs;
    this.topology = topology;
    this.versionLabel = versionLabel;
    this.bundle = bundle;
    this.versionDescription = versionDescription;
    this.region = region;
    this.runId = runId;
    this.beanstalkEndpoint = beanstalkEndpoint;
    this.healthCheck =
        new HealthCheckSettings(
            inputs.get(HEALTH_CHECK_SCHEME),
            inputs.get(HEALTH_CHECK_PATH),
            inputs.get(HEALTH_CHECK_STATUS),
            inputs.get(HEALTH_CHECK_CONTAINS),
            inputs.get(HEALTH_CHECK_TIMEOUT),
            inputs.get(HEALTH_CHECK_SUCCESSES),
            inputs.get(HEALTH_CHECK_MAX_WAIT));
  }

  /** The input's value: its declared default when it was not given, null when it has none. */
  public <T> T get(Input<T> input) {
    return inputs.get(input);
  }

  public Command command() {
    return command;
  }

  public String application() {
    return inputs.get(Inputs.APPLICATION);
  }

  public Topology topology() {
    return topology;
  }

  /** The prefix or full CNAME users reach; empty when not given (clone strategy). */
  public Optional<String> productionCname() {
    return inputs.optional(Inputs.PRODUCTION_CNAME);
  }

  /** The label deployed (deploy) or expected on the standby (swap); null when there is none. */
  public String versionLabel() {
    return versionLabel;
  }

  /** The file or directory to deploy; empty when the version must exist already. */
  public Optional<SourceBundle> bundle() {
    return Optional.ofNullable(bundle);
  }

  public String versionDescription() {
    return versionDescription;
  }

  public String region() {
    return region;
  }

  /** Identifies this run in tags ({@code bluegreen:run-id}) and template names. */
  public String runId() {
    return runId;
  }

  /**
   * Where Elastic Beanstalk is reached when an {@code AWS_ENDPOINT_URL*} variable overrides AWS's
   * own endpoint.
   */
  public Optional<String> beanstalkEndpoint() {
    return Optional.ofNullable(beanstalkEndpoint);
  }

  public HealthCheckSettings healthCheck() {
    return healthCheck;
  }

  public boolean dryRun() {
    return inputs.get(Inputs.DRY_RUN);
  }

  /** Whether the environment's health colour is one of accepted-health. */
  public boolean acceptsHealthOf(Environment env) {
    return inputs.get(Inputs.ACCEPTED_HEALTH).contains(env.health());
  }

  /** Ready and of an accepted health colour: fit to take or keep production. */
  public boolean fit(Environment env) {
    return env.isReady() && acceptsHealthOf(env);
  }

  /**
   * The region is validated; the id comes from AWS and is encoded, so the link cannot become
   * anything else.
   */
  public String consoleLink(String environmentId) {
    return "https://"
        + region
        + ".console.aws.amazon.com/elasticbeanstalk/home?region="
        + region
        + "#/environment/dashboard?environmentId="
        + URLEncoder.encode(String.valueOf(environmentId), StandardCharsets.UTF_8);
  }
}
