package dev.bluegreen.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A request to stop, from a signal. After it, the run starts no new step, undoes what it must, and
 * has {@link #GRACE} from the signal to do so before the runner kills it.
 */
public final class Cancellation {

  /**
   * The GitHub runner sends SIGINT, SIGTERM 7.5 s later, and kills the process 2.5 s after that;
   * the docker CLI in between forwards the signals. Leave a margin for writing outputs and summary.
   */
  public static final Duration GRACE = Duration.ofSeconds(7);

  private volatile Instant requestedAt;
  private volatile String reason;
  private volatile Thread worker;

  public void bind(Thread worker) {
    this.worker = worker;
  }

  public void request(String reason, Clock clock) {
    if (requestedAt != null) {
      return;
    }
    this.reason = reason;
    this.requestedAt = clock.instant();
    Thread w = worker;
    if (w != null) {
      w.interrupt();
    }
  }

  public boolean requested() {
    return requestedAt != null;
  }

  public String reason() {
    return reason;
  }

  /** How much of the grace period is left; a long wait when not cancelled. */
  public Duration remaining(Clock clock) {
    Instant at = requestedAt;
    if (at == null) {
      return Duration.ofDays(1);
    }
    Duration left = Duration.between(clock.instant(), at.plus(GRACE));
    return left.isNegative() ? Duration.ZERO : left;
  }
}
