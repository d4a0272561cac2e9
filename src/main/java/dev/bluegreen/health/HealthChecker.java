package dev.bluegreen.health;

import dev.bluegreen.log.Log;

/** Checks a host over HTTP until it answered well enough times in a row, or gives up. */
public interface HealthChecker {
  HealthVerdict check(String host, HealthCheckSettings settings, Log log)
      throws InterruptedException;
}
