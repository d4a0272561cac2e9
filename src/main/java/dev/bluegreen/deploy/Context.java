package dev.bluegreen.deploy;

import dev.bluegreen.beanstalk.BeanstalkEvent;
import dev.bluegreen.beanstalk.BeanstalkException;
import dev.bluegreen.beanstalk.BeanstalkGateway;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.bundle.Scratch;
import dev.bluegreen.health.HealthChecker;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.Cancellation;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.waiting.Poller;
import dev.bluegreen.waiting.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the steps of one run work with: the request, Elastic Beanstalk, the HTTP health checker,
 * time, the run's temporary files, and {@link Production}, the little that changes during a run.
 */
public final class Context {

  /** How many of the events seen while waiting are kept for the summary of a failure. */
  private static final int EVENTS_KEPT = 50;

  private final Request request;
  private final BeanstalkGateway aws;
  private final HealthChecker health;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Cancellation cancellation;
  private final Scratch scratch;
  private final Poller poller;
  private final Production production = new Production();
  private final List<BeanstalkEvent> seen = new ArrayList<>();

  public Context(
      Request request,
      BeanstalkGateway aws,
      HealthChecker health,
      Clock clock,
      Sleeper sleeper,
      Cancellation cancellation,
      Scratch scratch) {
    this.request = request;
    this.aws = aws;
    this.health = health;
    this.clock = clock;
    this.sleeper = sleeper;
    this.cancellation = cancellation;
    this.scratch = scratch;
    this.poller = new Poller(clock, sleeper);
  }

  public Request request() {
    return request;
  }

  public BeanstalkGateway aws() {
    return aws;
  }

  public HealthChecker health() {
    return health;
  }

  public Clock clock() {
    return clock;
  }

  public Sleeper sleeper() {
    return sleeper;
  }

  public Cancellation cancellation() {
    return cancellation;
  }

  /** The run's temporary directory, deleted when the run ends. */
  public Scratch scratch() {
    return scratch;
  }

  public Production production() {
    return production;
  }

  Poller poller() {
    return poller;
  }

  /** Waits that log through {@code log}. */
  public EnvironmentWaits waits(Log log) {
    return new EnvironmentWaits(this, log);
  }

  /**
   * How long a wait may take: {@code wait-timeout}, or what is left of the grace period after a
   * cancel.
   */
  public Duration waitBudget() {
    Duration left = cancellation.remaining(clock);
    Duration timeout = request.get(dev.bluegreen.inputs.Inputs.WAIT_TIMEOUT);
    return left.compareTo(timeout) < 0 ? left : timeout;
  }

  /** The environment as Elastic Beanstalk lists it now (terminated ones ignored). */
  public Optional<Environment> find(String name) throws StepFailure {
    return Environment.current(
        call(() -> aws.environments(request.application(), List.of(name))), name);
  }

  public Environment require(String name) throws StepFailure {
    return find(name)
        .orElseThrow(
            () ->
                new StepFailure(
                    "environment "
                        + name
                        + " no longer exists in application "
                        + request.application()));
  }

  /** Reads the environments in a role again. */
  public void refreshRoles() throws StepFailure {
    Optional<Roles> roles = production.current();
    if (roles.isPresent()) {
      production.refreshed(
          call(() -> aws.environments(request.application(), roles.get().names())));
    }
  }

  /** Runs an AWS call, turning its failure into a step failure with the service's words. */
  public <T> T call(AwsCall<T> call) throws StepFailure {
    try {
      return call.run();
    } catch (BeanstalkException e) {
      throw new StepFailure(StepFailure.Kind.FAILED, e.getMessage(), e);
    }
  }

  public String consoleLink(Environment env) {
    return request.consoleLink(env.id());
  }

  synchronized void saw(BeanstalkEvent event) {
    seen.add(event);
    if (seen.size() > EVENTS_KEPT) {
      seen.remove(0);
    }
  }

  /** The events seen while waiting, oldest first. */
  public synchronized List<BeanstalkEvent> eventsSeen() {
    return List.copyOf(seen);
  }

  /** An AWS call. */
  @FunctionalInterface
  public interface AwsCall<T> {
    T run();
  }
}
