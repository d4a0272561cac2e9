package dev.bluegreen.cli;

import dev.bluegreen.health.HealthChecker;
import dev.bluegreen.health.HttpHealthChecker;
import dev.bluegreen.http.ProxyVariables;
import dev.bluegreen.plan.Cancellation;
import dev.bluegreen.waiting.Sleeper;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The process's services as beans, taken from the {@link Host} the command runs in. Each is a
 * default: a test puts its own in the application context to replace it.
 */
@Factory
final class Beans {

  @Singleton
  @Secondary
  Clock clock(Host host) {
    return host.clock();
  }

  @Singleton
  @Secondary
  Sleeper sleeper(Host host) {
    return host.sleeper();
  }

  @Singleton
  @Secondary
  Cancellation cancellation(Host host) {
    return host.cancellation();
  }

  /**
   * Through the proxy of the environment; a run with malformed proxy variables stops before any
   * check.
   */
  @Singleton
  @Secondary
  HealthChecker healthChecker(Host host, Clock clock, Sleeper sleeper) {
    return new HttpHealthChecker(clock, sleeper, ProxyVariables.parse(host.env()).proxy());
  }
}
