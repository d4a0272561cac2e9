package dev.bluegreen.waiting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Polls a probe until it succeeds, fails or the time is up, at the pace of a {@link PollPolicy}.
 */
public final class Poller {

  /** One poll. */
  @FunctionalInterface
  public interface Probe<T> {
    Observation<T> observe() throws InterruptedException;
  }

  private final Clock clock;
  private final Sleeper sleeper;

  public Poller(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Waits for the probe to succeed.
   *
   * @param what what is awaited, for messages ("my-env-green to become healthy")
   * @param timeout how long at most
   * @param firstPollAfter delay before the first poll (an operation just started cannot be done
   *     yet)
   * @param hint appended to a timeout message: what may still be running and where to look
   * @param progress receives the state after every poll
   */
  public <T> T await(
      String what,
      Duration timeout,
      PollPolicy policy,
      Duration firstPollAfter,
      String hint,
      Consumer<Observation<T>> progress,
      Probe<T> probe)
      throws WaitTimeout, WaitFailed, InterruptedException {
    Instant start = clock.instant();
    Instant deadline = start.plus(timeout);
    sleepUntilAtMost(start.plus(firstPollAfter), deadline);
    Duration interval = policy.base();
    String last = "nothing observed yet";
    while (true) {
      Observation<T> seen = probe.observe();
      progress.accept(seen);
      if (seen.verdict() == Observation.Verdict.SUCCESS) {
        return seen.value();
      }
      if (seen.verdict() == Observation.Verdict.FAILURE) {
        throw new WaitFailed(seen.state());
      }
      if (seen.state() != null && !seen.throttled()) {
        last = seen.state();
      }
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) {
        throw new WaitTimeout(
            "Timed out after "
                + Durations.format(timeout)
                + " waiting for "
                + what
                + " (last: "
                + last
                + ")."
                + (hint == null ? "" : " " + hint));
      }
      interval = policy.next(interval, seen.news(), seen.throttled());
      sleepUntilAtMost(now.plus(interval), deadline);
    }
  }

  private void sleepUntilAtMost(Instant wanted, Instant deadline) throws InterruptedException {
    Instant target = wanted.isAfter(deadline) ? deadline : wanted;
    Duration d = Duration.between(clock.instant(), target);
    if (!d.isNegative() && !d.isZero()) {
      sleeper.sleep(d);
    }
  }
}
