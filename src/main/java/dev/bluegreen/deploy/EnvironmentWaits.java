package dev.bluegreen.deploy;

import dev.bluegreen.beanstalk.BeanstalkEvent;
import dev.bluegreen.beanstalk.BeanstalkException;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.inputs.Inputs;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.waiting.Durations;
import dev.bluegreen.waiting.Observation;
import dev.bluegreen.waiting.PollPolicy;
import dev.bluegreen.waiting.Poller;
import dev.bluegreen.waiting.WaitFailed;
import dev.bluegreen.waiting.WaitTimeout;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waiting for environments, the Elastic Beanstalk way: each tick reads the new events of our own
 * request (streamed to the log; the known failure events end the wait at once) and, when the events
 * suggest a change or every few ticks otherwise, the environment itself; {@link WaitRules} decides.
 * At most one DescribeEvents and one DescribeEnvironments per tick.
 */
public final class EnvironmentWaits {

  /** Read the environment at least every this many ticks even without events. */
  static final int DESCRIBE_EVERY = 3;

  /** How far back to read events of our own request: tolerates a skewed local clock. */
  static final Duration EVENT_LOOKBACK = Duration.ofMinutes(2);

  /** Progress line at least this often while nothing changes. */
  static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

  private final Context ctx;
  private final Log log;

  EnvironmentWaits(Context ctx, Log log) {
    this.ctx = ctx;
    this.log = log;
  }

  /**
   * What to wait for and since when: events of {@code requestId} (or of the environment, without
   * one) from {@code since}; {@code expectedVersion} null for any.
   */
  public record Wait(
      String environment,
      String requestId,
      String expectedVersion,
      Instant since,
      String purpose,
      Duration healthGrace) {
    public Wait(
        String environment,
        String requestId,
        String expectedVersion,
        Instant since,
        String purpose) {
      this(environment, requestId, expectedVersion, since, purpose, WaitRules.HEALTH_GRACE);
    }
  }

  /**
   * Waits until the environment is Ready, healthy (accepted colour) and runs the expected version
   * (when given).
   */
  public Environment awaitHealthy(Wait w) throws StepFailure, InterruptedException {
    return await(w, true);
  }

  /** Waits until the environment is Ready, whatever its health. */
  public Environment awaitReady(Wait w) throws StepFailure, InterruptedException {
    return await(w, false);
  }

  private Environment await(Wait w, boolean needHealth) throws StepFailure, InterruptedException {
    Tick tick =
        new Tick(
            w,
            new WaitRules.Target(
                w.environment(),
                w.requestId(),
                w.expectedVersion(),
                needHealth,
                w.healthGrace(),
                w.purpose()));
    String hint = "The operation may still be running; see " + consoleHint(w.environment()) + ".";
    Duration firstPoll = w.requestId() == null ? Duration.ZERO : pollInterval();
    return poll(
        w.environment() + " to " + w.purpose(), firstPoll, hint, tick::progress, tick::observe);
  }

  private Duration pollInterval() {
    return ctx.request().get(Inputs.POLL_INTERVAL);
  }

  /**
   * One bounded, adaptive wait: the poller at {@code poll-interval}, within the wait budget, its
   * timeout and failure turned into a step failure (a cancelled one when a cancel cut it short).
   */
  private <T> T poll(
      String what,
      Duration firstPoll,
      String hint,
      Consumer<Observation<T>> progress,
      Poller.Probe<T> probe)
      throws StepFailure, InterruptedException {
    try {
      return ctx.poller()
          .await(
              what,
              ctx.waitBudget(),
              PollPolicy.startingAt(pollInterval()),
              firstPoll,
              hint,
              progress,
              probe);
    } catch (WaitTimeout e) {
      throw new StepFailure(
          ctx.cancellation().requested() ? StepFailure.Kind.CANCELLED : StepFailure.Kind.FAILED,
          e.getMessage());
    } catch (WaitFailed e) {
      throw new StepFailure(e.getMessage());
    }
  }

  /**
   * Waits for a CNAME swap to complete: its completion event, and the production CNAME on the
   * expected environment.
   */
  public void awaitSwap(String requestId, Instant since, String expectedLive)
      throws StepFailure, InterruptedException {
    EventCursor events = new EventCursor(null, requestId, since);
    String production = ctx.production().roles().productionCname();
    int[] tick = {0};
    boolean[] completed = {false};
    this.<Void>poll(
        "the CNAME swap to complete",
        pollInterval(),
        "See the events of " + expectedLive + " in the console.",
        o -> {},
        () -> {
          tick[0]++;
          try {
            List<BeanstalkEvent> fresh = events.next();
            boolean news = !fresh.isEmpty();
            for (BeanstalkEvent e : fresh) {
              completed[0] |= e.message().startsWith("Completed swapping CNAMEs");
              Optional<String> failure = WaitRules.failureIn(e);
              if (failure.isPresent()) {
                return Observation.failure("the swap failed: " + failure.get());
              }
            }
            if (!completed[0] && tick[0] % DESCRIBE_EVERY != 0) {
              return Observation.retry("swap in progress", news);
            }
            Optional<Environment> live =
                Environment.current(
                    ctx.aws().environments(ctx.request().application(), List.of(expectedLive)),
                    expectedLive);
            if (live.isEmpty()) {
              return Observation.failure(expectedLive + " disappeared during the swap");
            }
            boolean holds = Cnames.matches(live.get().cname(), production);
            if (holds && completed[0]) {
              return Observation.success(null, "swapped");
            }
            return Observation.retry(
                holds
                    ? "CNAMEs exchanged, waiting for the completion event"
                    : "production CNAME not yet on " + expectedLive,
                news);
          } catch (BeanstalkException e) {
            return transientOrFail(e);
          }
        });
  }

  /** A swap older than this without its completion event is not waited for: it has failed. */
  static final Duration SWAP_LOOKBACK = Duration.ofMinutes(5);

  private static final Pattern SWAP_EVENT =
      Pattern.compile("^(Completed s|S)wapping CNAMEs for environments '([^']+)' and '([^']+)'");

  /**
   * Waits until no CNAME swap involving these environments is under way. Elastic Beanstalk shows a
   * swap only in its events ("Swapping CNAMEs for environments 'a' and 'b'." until "Completed
   * swapping CNAMEs ..."), not in the environments' status, and CNAMEs read in between may show
   * either side; a decision about production waits for the swap to end.
   *
   * @return whether a swap was under way
   */
  public boolean awaitSwapsSettled(Collection<String> environments)
      throws StepFailure, InterruptedException {
    return awaitSwapsSettled(environments, Optional.empty()).waited();
  }

  /**
   * Whether a swap was waited for, and whether one started or ended on the environments since the
   * roles were read (their CNAMEs may differ from what was read).
   */
  public record SwapActivity(boolean waited, boolean since) {}

  /** {@link #awaitSwapsSettled(Collection)}, also telling whether a swap happened since then. */
  public SwapActivity awaitSwapsSettled(Collection<String> environments, Optional<Instant> since)
      throws StepFailure, InterruptedException {
    boolean[] waited = {false};
    boolean[] swapped = {false};
    this.<Void>poll(
        "the CNAME swap of " + String.join(" and ", environments) + " to complete",
        Duration.ZERO,
        "See the events of " + String.join(" and ", environments) + " in the console.",
        o -> {},
        () -> {
          try {
            Optional<String> running = swapUnderWay(environments, since, swapped);
            if (running.isPresent()) {
              if (!waited[0]) {
                log.info("waiting for a CNAME swap under way: " + running.get());
              }
              waited[0] = true;
              return Observation.retry("swap under way", false);
            }
            return Observation.success(null, "no swap under way");
          } catch (BeanstalkException e) {
            return transientOrFail(e);
          }
        });
    return new SwapActivity(waited[0], swapped[0]);
  }

  /**
   * The swap started in the last minutes on one of these environments and not completed; sets
   * {@code swapped[0]} when a swap event on them is dated {@code since} or later.
   */
  private Optional<String> swapUnderWay(
      Collection<String> environments, Optional<Instant> since, boolean[] swapped) {
    Instant recent = ctx.clock().instant().minus(SWAP_LOOKBACK);
    Instant from = since.filter(s -> s.isBefore(recent)).orElse(recent);
    Map<String, String> open = new LinkedHashMap<>();
    for (BeanstalkEvent e : ctx.aws().events(ctx.request().application(), null, null, from, 200)) {
      Matcher m = SWAP_EVENT.matcher(e.message());
      if (!m.find() || !(environments.contains(m.group(2)) || environments.contains(m.group(3)))) {
        continue;
      }
      if (since.isPresent() && !e.date().isBefore(since.get())) {
        swapped[0] = true;
      }
      if (e.date().isBefore(recent)) {
        continue;
      }
      String pair = String.join(" ⇄ ", new TreeSet<>(List.of(m.group(2), m.group(3))));
      if (m.group(1).startsWith("Completed")) {
        open.remove(pair);
      } else {
        open.put(pair, pair + " since " + e.date());
      }
    }
    return open.values().stream().findFirst();
  }

  /** Waits until no environment of that name is left but terminated ones. */
  public void awaitTerminated(String environment, String requestId, Instant since)
      throws StepFailure, InterruptedException {
    EventCursor events = new EventCursor(environment, requestId, since);
    this.<Void>poll(
        environment + " to terminate",
        pollInterval(),
        "See " + consoleHint(environment) + ".",
        o -> {},
        () -> {
          try {
            boolean news = !events.next().isEmpty();
            Optional<Environment> env =
                Environment.current(
                    ctx.aws().environments(ctx.request().application(), List.of(environment)),
                    environment);
            return env.isEmpty()
                ? Observation.success(null, "Terminated")
                : Observation.retry(env.get().stateLine(), news);
          } catch (BeanstalkException e) {
            return transientOrFail(e);
          }
        });
  }

  private static String consoleHint(String environment) {
    return "the events of " + environment + " in the Elastic Beanstalk console";
  }

  static <T> Observation<T> transientOrFail(BeanstalkException e) {
    if (e.isTransient()) {
      return Observation.hiccup("last poll failed: " + e.getMessage());
    }
    return Observation.failure(e.getMessage());
  }

  /** Reads new events once, remembering what it has seen. */
  private final class EventCursor {
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
      List<BeanstalkEvent> all =
          ctx.aws()
              .events(
                  ctx.request().application(),
                  requestId == null ? environment : null,
                  requestId,
                  since,
                  100);
      List<BeanstalkEvent> fresh =
          all.stream()
              .filter(e -> seen.add(e.date() + "|" + e.environmentName() + "|" + e.message()))
              .toList();
      for (BeanstalkEvent e : fresh) {
        ctx.saw(e);
        if ("ERROR".equals(e.severity()) || "FATAL".equals(e.severity())) {
          log.warning(e.environmentName() + ": " + e.message());
        } else {
          log.info(
              "  "
                  + e.date()
                  + " "
                  + e.severity()
                  + " "
                  + (e.environmentName() == null ? "" : e.environmentName() + ": ")
                  + e.message());
        }
        if (e.date().isAfter(since)) {
          // Same-second events are deduplicated by the seen set, so the cursor may stay on the
          // newest.
          since = e.date();
        }
      }
      return fresh;
    }
  }

  private final class Tick {
    private final Wait wait;
    private final WaitRules.Target target;
    private final EventCursor events;
    private final Instant started;
    private int count;
    private Instant unhealthySince;
    private String lastState;
    private Instant lastProgress;

    Tick(Wait wait, WaitRules.Target target) {
      this.wait = wait;
      this.target = target;
      this.events = new EventCursor(wait.environment(), wait.requestId(), wait.since());
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
          Optional<String> failure = WaitRules.failureOf(target, e);
          if (failure.isPresent()) {
            return Observation.failure(failure.get());
          }
          completion |= WaitRules.completes(e);
        }
      } catch (BeanstalkException e) {
        return transientOrFail(e);
      }
      boolean describe =
          (count == 1 && wait.requestId() == null)
              || completion
              || count % DESCRIBE_EVERY == 0
              || unhealthySince != null;
      if (!describe) {
        return Observation.retry(
            lastState == null ? wait.environment() + " busy" : lastState, news);
      }
      Environment env;
      try {
        env =
            Environment.current(
                    ctx.aws()
                        .environments(ctx.request().application(), List.of(wait.environment())),
                    wait.environment())
                .orElse(null);
      } catch (BeanstalkException e) {
        return transientOrFail(e);
      }
      Instant now = ctx.clock().instant();
      boolean readyButUnaccepted =
          env != null
              && env.isReady()
              && target.needHealth()
              && !ctx.request().acceptsHealthOf(env);
      if (readyButUnaccepted && unhealthySince == null) {
        unhealthySince = now;
      } else if (!readyButUnaccepted) {
        unhealthySince = null;
      }
      WaitRules.Decision d =
          WaitRules.judge(
              target,
              ctx.request().get(Inputs.ACCEPTED_HEALTH),
              env,
              unhealthySince == null ? Duration.ZERO : Duration.between(unhealthySince, now));
      if (env != null) {
        String state = env.stateLine() + ", version " + env.versionLabel();
        news |= !state.equals(lastState);
        lastState = state;
      }
      return switch (d.verdict()) {
        case SUCCESS -> Observation.success(env, d.message());
        case FAILURE -> Observation.failure(d.message());
        case RETRY -> Observation.retry(d.message(), news);
      };
    }

    void progress(Observation<Environment> o) {
      Instant now = ctx.clock().instant();
      if (lastState == null && o.verdict() == Observation.Verdict.RETRY) {
        return; // nothing read about the environment itself yet; its events are already in the log
      }
      if (o.verdict() == Observation.Verdict.FAILURE) {
        return; // the step's failure says it, naming the environment
      }
      if (o.news() || Duration.between(lastProgress, now).compareTo(PROGRESS_EVERY) >= 0) {
        lastProgress = now;
        log.info(
            "  ["
                + Durations.format(Duration.between(started, now))
                + "] "
                + wait.environment()
                + ": "
                + o.state());
      }
    }
  }
}
