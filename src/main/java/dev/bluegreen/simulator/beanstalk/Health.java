package dev.bluegreen.simulator.beanstalk;

import dev.bluegreen.simulator.core.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Environment health as Elastic Beanstalk reports it (color, status, causes, and an event at each
 * change), from what the running version does and from injected faults. Called under the account
 * lock ({@link Scheduler}).
 */
final class Health {

  private final Scheduler scheduler;
  private final Applications applications;
  private final Events events;

  Health(Scheduler scheduler, Applications applications, Events events) {
    this.scheduler = scheduler;
    this.applications = applications;
    this.events = events;
  }

  /**
   * The instances start running {@code label} now; a version that degrades later gets its health
   * looked at then.
   */
  void startRunning(SimEnvironment env, String label) {
    env.runningVersion = label;
    env.runningSince = scheduler.now();
    Behaviour behaviour = behaviourOf(env);
    if (behaviour.redAfterSeconds() >= 0) {
      Instant since = env.runningSince;
      scheduler.schedule(
          Duration.ofSeconds(behaviour.redAfterSeconds()),
          () -> {
            if (since.equals(env.runningSince)) {
              refresh(env);
            }
          });
    }
  }

  Behaviour behaviourOf(SimEnvironment env) {
    if (env.runningVersion == null) {
      return Behaviour.HEALTHY;
    }
    SimVersion version = applications.versionOrNull(env.applicationName, env.runningVersion);
    return version == null ? Behaviour.HEALTHY : version.behaviour;
  }

  /** True once a version with {@code redAfterSeconds} has degraded. */
  boolean degraded(SimEnvironment env) {
    Behaviour b = behaviourOf(env);
    return b.redAfterSeconds() >= 0
        && env.runningSince != null
        && !scheduler.now().isBefore(env.runningSince.plusSeconds(b.redAfterSeconds()));
  }

  void refresh(SimEnvironment env) {
    if (!"Ready".equals(env.status)) {
      return;
    }
    String oldStatus = env.healthStatus;
    boolean failing = env.forcedRed || degraded(env) || behaviourOf(env).serverErrors();
    env.health = failing ? "Red" : "Green";
    env.healthStatus = failing ? "Severe" : "Ok";
    if (!oldStatus.equals(env.healthStatus)) {
      String cause =
          env.forcedRed
              ? " ELB health is failing or not available for all instances."
              : failing ? " 100.0 % of the requests are failing with HTTP 5xx." : "";
      events.add(
          env,
          null,
          failing ? "WARN" : "INFO",
          "Environment health has transitioned from "
              + oldStatus
              + " to "
              + env.healthStatus
              + "."
              + cause);
    }
  }

  void forceRed(SimEnvironment env, boolean red) {
    env.forcedRed = red;
    refresh(env);
  }

  List<String> causes(SimEnvironment env) {
    synchronized (scheduler) {
      if (env.forcedRed) {
        return List.of("ELB health is failing or not available for all instances.");
      }
      if ("Severe".equals(env.healthStatus)) {
        return List.of("100.0 % of the requests are failing with HTTP 5xx.");
      }
      return List.of();
    }
  }
}
