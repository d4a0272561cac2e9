package dev.bluegreen.beanstalk;

import dev.bluegreen.waiting.Sleeper;
import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * Hands the SDK's retry back-off to the product's {@link Sleeper} and tells the SDK to wait zero:
 * retries then cost virtual time in tests and benchmarks instead of real seconds, and a
 * cancellation interrupts them like any other wait.
 */
final class SleeperBackoff implements BackoffStrategy {
  private final BackoffStrategy delays;
  private final Sleeper sleeper;

  SleeperBackoff(BackoffStrategy delays, Sleeper sleeper) {
    this.delays = delays;
    this.sleeper = sleeper;
  }

  @Override
  public Duration computeDelay(int attempt) {
    try {
      sleeper.sleep(delays.computeDelay(attempt));
    } catch (InterruptedException e) {
      // The SDK checks the flag before the next attempt and aborts the call.
      Thread.currentThread().interrupt();
    }
    return Duration.ZERO;
  }
}
