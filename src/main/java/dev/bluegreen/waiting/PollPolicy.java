package dev.bluegreen.waiting;

import java.time.Duration;

/**
 * How often to look: start at {@code base}, grow by {@code growth} per poll without news up to
 * {@code max}, drop back to {@code base} on news, double after a throttled poll. Never below base.
 */
public record PollPolicy(Duration base, Duration max, double growth) {

  /**
   * Never poll slower than this, whatever the base: a wait must notice completion within a minute.
   */
  public static final Duration CEILING = Duration.ofSeconds(60);

  public static PollPolicy startingAt(Duration base) {
    Duration max = base.multipliedBy(2);
    if (max.compareTo(CEILING) > 0) {
      max = base.compareTo(CEILING) > 0 ? base : CEILING;
    }
    return new PollPolicy(base, max, 1.25);
  }

  Duration next(Duration current, boolean news, boolean throttled) {
    Duration next;
    if (throttled) {
      next = current.multipliedBy(2);
    } else if (news) {
      next = base;
    } else {
      next = Duration.ofMillis(Math.round(current.toMillis() * growth));
    }
    if (next.compareTo(max) > 0) {
      next = max;
    }
    return next.compareTo(base) < 0 ? base : next;
  }
}
