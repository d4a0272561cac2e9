package dev.bluegreen.simulator.beanstalk;

import java.time.Duration;

/**
 * How long simulated operations take. The defaults are typical of a small load-balanced Elastic
 * Beanstalk environment; every duration is multiplied by the time scale and varies by up to {@code
 * jitter} either way, so that waiting code is not tuned to round numbers.
 */
public record Timings(
    Duration launch,
    Duration deploy,
    Duration configUpdate,
    Duration swap,
    Duration terminate,
    Duration abort,
    Duration terminatedVisibleFor,
    double jitter) {

  public static Timings realistic() {
    return new Timings(
        Duration.ofMinutes(5),
        Duration.ofMinutes(2),
        Duration.ofSeconds(75),
        Duration.ofSeconds(5),
        Duration.ofMinutes(3),
        Duration.ofSeconds(30),
        Duration.ofHours(1),
        0.1);
  }

  /**
   * Every operation duration multiplied by {@code factor} (how long terminated environments stay
   * listed is kept).
   */
  public Timings scaled(double factor) {
    return new Timings(
        scale(launch, factor),
        scale(deploy, factor),
        scale(configUpdate, factor),
        scale(swap, factor),
        scale(terminate, factor),
        scale(abort, factor),
        terminatedVisibleFor,
        jitter);
  }

  private static Duration scale(Duration d, double factor) {
    return Duration.ofNanos(Math.round(d.toNanos() * factor));
  }
}
