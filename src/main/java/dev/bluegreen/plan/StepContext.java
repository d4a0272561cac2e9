package dev.bluegreen.plan;

import dev.bluegreen.beanstalk.BeanstalkException;
import dev.bluegreen.bundle.Scratch;
import dev.bluegreen.beanstalk.BeanstalkGateway;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.health.HttpHealthChecker;
import dev.bluegreen.log.Log;
import dev.bluegreen.waiting.Poller;
import dev.bluegreen.waiting.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What a step works with: the request, AWS, the clock, the log, and the run's shared state. */
public final class StepContext {

  private final DeploymentRequest request;
  private final BeanstalkGateway aws;
  private final HttpHealthChecker health;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Log log;
  private final Deployment state;
  private final Cancellation cancellation;
  private final Poller poller;
  private final Scratch scratch;

  public StepContext(DeploymentRequest request, BeanstalkGateway aws, HttpHealthChecker health, Clock clock, Sleeper sleeper,
      Log log, Deployment state, Cancellation cancellation, Scratch scratch) {
    this.request = request;
    this.aws = aws;
    this.health = health;
    this.clock = clock;
    this.sleeper = sleeper;
    this.log = log;
    this.state = state;
    this.cancellation = cancellation;
    this.poller = new Poller(clock, sleeper);
    this.scratch = scratch;
  }

  /** The same run, logging through another log (a parallel step's prefixed lines). */
  public StepContext withLog(Log other) {
    return new StepContext(request, aws, health, clock, sleeper, other, state, cancellation, scratch);
  }

  public DeploymentRequest request() {
    return request;
  }

  public BeanstalkGateway aws() {
    return aws;
  }

  public HttpHealthChecker health() {
    return health;
  }

  public Clock clock() {
    return clock;
  }

  public Sleeper sleeper() {
    return sleeper;
  }

  public Log log() {
    return log;
  }

  public Deployment state() {
    return state;
  }

  public Cancellation cancellation() {
    return cancellation;
  }

  /** The run's temporary directory, deleted when the run ends. */
  public Scratch scratch() {
    return scratch;
  }

  public Poller poller() {
    return poller;
  }

  public EnvironmentWaits waits() {
    return new EnvironmentWaits(this);
  }

  /** How long a wait may take: {@code wait-timeout}, or what is left of the grace period after a cancel. */
  public Duration waitBudget() {
    Duration left = cancellation.remaining(clock);
    return left.compareTo(request.waitTimeout()) < 0 ? left : request.waitTimeout();
  }

  /** The environment as Elastic Beanstalk lists it now (terminated ones ignored). */
  public Optional<Environment> find(String name) throws StepFailure {
    List<Environment> found = call(() -> aws.environments(request.application(), List.of(name)));
    return found.stream().filter(e -> !e.isTerminated()).findFirst();
  }

  public Environment require(String name) throws StepFailure {
    return find(name).orElseThrow(() -> new StepFailure("environment " + name + " no longer exists in application "
        + request.application()));
  }

  /** Runs an AWS call, turning its failure into a step failure with the service's words. */
  public <T> T call(AwsCall<T> call) throws StepFailure {
    try {
      return call.run();
    } catch (BeanstalkException e) {
      throw new StepFailure(StepFailure.Kind.FAILED, e.getMessage(), e);
    }
  }

  /** An AWS call. */
  @FunctionalInterface
  public interface AwsCall<T> {
    T run();
  }

  /** Reads the live and standby environments again. */
  public void refreshRoles() throws StepFailure {
    List<String> names = state.roleNames();
    if (!names.isEmpty()) {
      state.refresh(call(() -> aws.environments(request.application(), names)));
    }
  }

  public String consoleLink(Environment env) {
    return request.consoleLink(env.id());
  }
}
