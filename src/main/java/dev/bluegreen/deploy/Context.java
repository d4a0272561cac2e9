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
  private volatile boolean ambiguous;
  private volatile String overtakenBy;

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

  /** Reads the environments in a role again; the holder of the production CNAME is live. */
  public void refreshRoles() throws StepFailure {
    Optional<Roles> roles = production.current();
    if (roles.isPresent()) {
      production.observed(
          call(() -> aws.environments(request.application(), roles.get().names())),
          clock.instant());
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

  /**
   * Makes a call that changes something, and finds out what is true when its answer leaves that
   * open. AWS sometimes carries out a request and answers with an error (a 5xx, a timeout, a reset
   * connection), and a retry is then refused ("already exists", "Must be Ready.") or carried out
   * twice (a second CNAME swap undoes the first). So the call is not retried blindly: after an
   * ambiguous answer, or a refusal that can mean it was done already, {@code check} reads the
   * state. If the call was carried out, its result is what {@code check} found; if not, an
   * ambiguous call is made once more and a refusal stands.
   */
  public <T> T change(String what, Log log, AwsCall<T> call, Check<T> check)
      throws StepFailure, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.run();
      } catch (BeanstalkException e) {
        if (!e.isAmbiguous() && !mayMeanDone(e)) {
          throw new StepFailure(StepFailure.Kind.FAILED, e.getMessage(), e);
        }
        ambiguous = true;
        log.warning(
            what + ": " + e.getMessage() + "; reading the state to learn whether it was done");
        Optional<T> done = check.carriedOut();
        if (done.isPresent()) {
          log.info(what + " was carried out");
          return done.get();
        }
        if (!e.isAmbiguous() || attempt > 1) {
          throw new StepFailure(StepFailure.Kind.FAILED, e.getMessage(), e);
        }
        log.info(what + " was not carried out; trying once more");
      }
    }
  }

  /** Refusals that a request already carried out (by a lost attempt or another run) also gets. */
  private static boolean mayMeanDone(BeanstalkException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("already exists")
        || message.contains("is in an invalid state for this operation");
  }

  /** Another run changed the environments under this one: what it did ("swapped ..."). */
  public void overtaken(String what) {
    overtakenBy = what;
  }

  public Optional<String> overtakenBy() {
    return Optional.ofNullable(overtakenBy);
  }

  /** Whether a call that changes something got an answer that left open whether it was done. */
  public boolean sawAmbiguity() {
    return ambiguous;
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

  /** Reads whether a change was carried out, after an answer that left it open. */
  @FunctionalInterface
  public interface Check<T> {
    /** The change's result if it was carried out (or is there already), else empty. */
    Optional<T> carriedOut() throws StepFailure, InterruptedException;
  }
}
