package dev.bluegreen.plan;

import dev.bluegreen.beanstalk.BeanstalkEvent;
import dev.bluegreen.beanstalk.BeanstalkException;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.waiting.Durations;
import dev.bluegreen.waiting.Observation;
import dev.bluegreen.waiting.PollPolicy;
import dev.bluegreen.waiting.Poller;
import dev.bluegreen.waiting.WaitFailed;
import dev.bluegreen.waiting.WaitTimeout;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Waiting for environments, the Elastic Beanstalk way: each tick reads the new events of our own
 * request (streamed to the log; the known failure events end the wait at once) and, when the events
 * suggest a change or every few ticks otherwise, the environment itself. Success means Ready, an
 * accepted health colour, and the expected version really running. At most one DescribeEvents and
 * one DescribeEnvironments per tick.
 */
public final class EnvironmentWaits {

  /** Events that mean the operation failed, as the EB CLI reads them. */
  static final List<String> FAILURE_MARKERS = List.of(
      "Environment health has been set to RED",
      "Failed to launch environment.",
      "Failed to deploy application.",
      "The environment was reverted to the previous configuration setting.",
      "Failed to deploy configuration.",
      "Create environment operation is complete, but with errors",
      "Update environment operation is complete, but with errors.");

  /** Events that say the operation has just ended, so the environment is worth reading now. */
  static final List<String> COMPLETION_MARKERS = List.of(
      "Successfully launched environment",
      "Environment update completed successfully.",
      "Completed swapping CNAMEs",
      "terminateEnvironment completed successfully.",
      "Instance deployment completed successfully.",
      "New application version was deployed");

  /** How long a Ready environment may show an unaccepted health colour before the wait gives up. */
  static final Duration HEALTH_GRACE = Duration.ofSeconds(60);
  /** Read the environment at least every this many ticks even without events. */
  static final int DESCRIBE_EVERY = 3;
  /** How far back to read events of our own request: tolerates a skewed local clock. */
  static final Duration EVENT_LOOKBACK = Duration.ofMinutes(2);
  /** Progress line at least this often while nothing changes. */
  static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

  private final StepContext ctx;

  EnvironmentWaits(StepContext ctx) {
    this.ctx = ctx;
  }

  /** What a wait is for. */
  public record Target(String environment, String requestId, String expectedVersion, Instant since, String purpose,
      Duration healthGrace) {
    public Target(String environment, String requestId, String expectedVersion, Instant since, String purpose) {
      this(environment, requestId, expectedVersion, since, purpose, HEALTH_GRACE);
    }
  }

  /**
   * Waits until the environment is Ready, healthy (accepted colour) and runs the expected version
   * (when one is given).
   */
  public Environment awaitHealthy(Target target) throws StepFailure, InterruptedException {
    return await(target, true);
  }

  /** Waits until the environment is Ready, whatever its health. */
  public Environment awaitReady(Target target) throws StepFailure, InterruptedException {
    return await(target, false);
  }

  private Environment await(Target t, boolean needHealth) throws StepFailure, InterruptedException {
    Tick tick = new Tick(t, needHealth);
    String hint = "The operation may still be running; see " + consoleHint(t.environment()) + ".";
    Duration firstPoll = t.requestId() == null ? Duration.ZERO : ctx.request().pollInterval();
    return poll(t.environment() + " to " + t.purpose(), firstPoll, hint, tick::progress, tick::observe);
  }

  /**
   * One bounded, adaptive wait: the poller at {@code poll-interval}, within the wait budget, its
   * timeout and failure turned into a step failure (a cancelled one when a cancel cut it short).
   */
  private <T> T poll(String what, Duration firstPoll, String hint, Consumer<Observation<T>> progress, Poller.Probe<T> probe) throws StepFailure, InterruptedException {
    try {
      return ctx.poller().await(what, ctx.waitBudget(), PollPolicy.startingAt(ctx.request().pollInterval()), firstPoll, hint,
          progress, probe);
    } catch (WaitTimeout e) {
      throw new StepFailure(ctx.cancellation().requested() ? StepFailure.Kind.CANCELLED : StepFailure.Kind.FAILED,
          e.getMessage());
    } catch (WaitFailed e) {
      throw new StepFailure(e.getMessage());
    }
  }

  /**
   * Waits for a CNAME swap to complete: its completion event, and the production CNAME on the
   * expected environment.
   */
  public void awaitSwap(String requestId, Instant since, String expectedLive) throws StepFailure, InterruptedException {
    EventCursor events = new EventCursor(null, requestId, since);
    String production = ctx.state().productionCname();
    int[] tick = {0};
    boolean[] completed = {false};
    EnvironmentWaits.this.<Void>poll("the CNAME swap to complete", ctx.request().pollInterval(),
        "See the events of " + expectedLive + " in the console.", o -> {}, () -> {
            tick[0]++;
            boolean news;
            try {
              List<BeanstalkEvent> fresh = events.next();
              news = !fresh.isEmpty();
              for (BeanstalkEvent e : fresh) {
                if (e.message().startsWith("Completed swapping CNAMEs")) {
                  completed[0] = true;
                }
                String failure = failureIn(e);
                if (failure != null) {
                  return Observation.failure("the swap failed: " + failure);
                }
              }
              if (!completed[0] && tick[0] % DESCRIBE_EVERY != 0) {
                return Observation.retry("swap in progress", news);
              }
              Environment live = ctx.aws().environments(ctx.request().application(), List.of(expectedLive)).stream()
                  .filter(e -> !e.isTerminated()).findFirst().orElse(null);
              if (live == null) {
                return Observation.failure(expectedLive + " disappeared during the swap");
              }
              boolean holds = Cnames.matches(live.cname(), production);
              if (holds && completed[0]) {
                return Observation.success(null, "swapped");
              }
              return Observation.retry(holds ? "CNAMEs exchanged, waiting for the completion event"
                  : "production CNAME not yet on " + expectedLive, news);
            } catch (BeanstalkException e) {
              return transientOrFail(e);
            }
          });
  }

  /** Waits until no environment of that name is left but terminated ones. */
  public void awaitTerminated(String environment, String requestId, Instant since) throws StepFailure, InterruptedException {
    EventCursor events = new EventCursor(environment, requestId, since);
    EnvironmentWaits.this.<Void>poll(environment + " to terminate", ctx.request().pollInterval(),
        "See " + consoleHint(environment) + ".", o -> {}, () -> {
            try {
              boolean news = !events.next().isEmpty();
              List<Environment> envs = ctx.aws().environments(ctx.request().application(), List.of(environment));
              Environment env = envs.stream().filter(e -> !e.isTerminated()).findFirst().orElse(null);
              return env == null ? Observation.success(null, "Terminated")
                  : Observation.retry(env.stateLine(), news);
            } catch (BeanstalkException e) {
              return transientOrFail(e);
            }
          });
  }

  private String consoleHint(String environment) {
    return "the events of " + environment + " in the Elastic Beanstalk console";
  }

  static <T> Observation<T> transientOrFail(BeanstalkException e) {
    if (e.isTransient()) {
      return Observation.hiccup("last poll failed: " + e.getMessage());
    }
    return Observation.failure(e.getMessage());
  }

  static String failureIn(BeanstalkEvent e) {
    for (String marker : FAILURE_MARKERS) {
      if (e.message().startsWith(marker) || e.message().contains(marker)) {
        return e.message();
      }
    }
    if (e.message().startsWith("Launched environment") && e.message().contains("However, there were issues during launch.")) {
      return e.message();
    }
    return null;
  }

  /** Reads new events once, remembering what it has seen. */
  final class EventCursor {
    private final String environment;
    private final String requestId;
    private Instant since;
    private final Set<String> seen = new HashSet<>();

    EventCursor(String environment, String requestId, Instant since) {
      this.environment = environment;
      this.requestId = requestId;
      this.since = requestId == null ? since : since.minus(EVENT_LOOKBACK);
    }

    List<BeanstalkEvent> next() {
      List<BeanstalkEvent> all = ctx.aws().events(ctx.request().application(), requestId == null ? environment : null,
          requestId, since, 100);
      List<BeanstalkEvent> fresh = all.stream().filter(e -> seen.add(e.date() + "|" + e.environmentName() + "|" + e.message()))
          .toList();
      for (BeanstalkEvent e : fresh) {
        ctx.state().sawEvent(e);
        String line = "  " + e.date() + " " + e.severity() + " " + (e.environmentName() == null ? "" : e.environmentName() + ": ")
            + e.message();
        if ("ERROR".equals(e.severity()) || "FATAL".equals(e.severity())) {
          ctx.log().warning(e.environmentName() + ": " + e.message());
        } else {
          ctx.log().info(line);
        }
        if (e.date().isAfter(since)) {
          // Same-second events are deduplicated by the seen set, so the cursor may stay on the newest.
          since = e.date();
        }
      }
      return fresh;
    }
  }

  private final class Tick {
    private final Target target;
    private final boolean needHealth;
    private final EventCursor events;
    private final Instant started;
    private int count;
    private Instant unhealthySince;
    private String lastState;
    private Instant lastProgress;

    Tick(Target target, boolean needHealth) {
      this.target = target;
      this.needHealth = needHealth;
      this.events = new EventCursor(target.environment(), target.requestId(), target.since());
      this.started = ctx.clock().instant();
      this.lastProgress = started;
    }

    Observation<Environment> observe() {
      count++;
      boolean news;
      boolean completion = false;
      try {
        List<BeanstalkEvent> fresh = events.next();
        news = !fresh.isEmpty();
        for (BeanstalkEvent e : fresh) {
          String failure = failureIn(e);
          // Only our own request's failures end the wait: waiting for someone else's operation to end
          // (an environment found Updating) must go on whatever that operation's fate.
          if (failure != null && target.requestId() != null && target.requestId().equals(e.requestId())) {
            return Observation.failure(target.environment() + ": " + failure);
          }
          completion |= COMPLETION_MARKERS.stream().anyMatch(m -> e.message().startsWith(m));
        }
      } catch (BeanstalkException e) {
        return transientOrFail(e);
      }
      boolean describe = count == 1 && target.requestId() == null || completion || count % DESCRIBE_EVERY == 0
          || unhealthySince != null;
      if (!describe) {
        return Observation.retry(lastState == null ? target.environment() + " busy" : lastState, news);
      }
      Environment env;
      try {
        env = ctx.aws().environments(ctx.request().application(), List.of(target.environment())).stream()
            .filter(e -> !e.isTerminated()).findFirst().orElse(null);
      } catch (BeanstalkException e) {
        return transientOrFail(e);
      }
      if (env == null || env.isGone()) {
        return Observation.failure(target.environment() + " is " + (env == null ? "gone" : env.status()));
      }
      String state = env.stateLine() + ", version " + env.versionLabel();
      news |= !state.equals(lastState);
      lastState = state;
      if (!env.isReady()) {
        unhealthySince = null;
        return Observation.retry(state, news);
      }
      if (target.expectedVersion() != null && !target.expectedVersion().equals(env.versionLabel())) {
        return Observation.failure(target.environment() + " is Ready but runs " + env.versionLabel() + " instead of "
            + target.expectedVersion() + ": Elastic Beanstalk rolled the deployment back");
      }
      if (!needHealth || ctx.request().acceptedHealth().contains(env.health())) {
        return Observation.success(env, state);
      }
      Instant now = ctx.clock().instant();
      if (unhealthySince == null) {
        unhealthySince = now;
      }
      if (!now.isBefore(unhealthySince.plus(target.healthGrace()))) {
        return Observation.failure(target.environment() + " is Ready but its health is " + env.health()
            + (env.healthStatus() == null ? "" : " (" + env.healthStatus() + ")")
            + (target.healthGrace().isZero() ? "" : " after " + Durations.format(target.healthGrace()))
            + "; accepted: " + String.join(",", ctx.request().acceptedHealth()));
      }
      return Observation.retry(state + ", waiting for the health to become "
          + String.join(" or ", ctx.request().acceptedHealth()), news);
    }

    void progress(Observation<Environment> o) {
      Instant now = ctx.clock().instant();
      if (lastState == null && o.verdict() == Observation.Verdict.RETRY) {
        return; // nothing read about the environment itself yet; its events are already in the log
      }
      if (o.news() || Duration.between(lastProgress, now).compareTo(PROGRESS_EVERY) >= 0) {
        lastProgress = now;
        ctx.log().info("  [" + Durations.format(Duration.between(started, now)) + "] " + target.environment() + ": "
            + o.state());
      }
    }
  }
}
