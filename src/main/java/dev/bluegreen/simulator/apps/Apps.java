package dev.bluegreen.simulator.apps;

import dev.bluegreen.simulator.beanstalk.Beanstalk;
import dev.bluegreen.simulator.beanstalk.Behaviour;
import dev.bluegreen.simulator.beanstalk.SimEnvironment;
import dev.bluegreen.simulator.core.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The applications behind the environments' CNAMEs, as the simulator's HTTP proxy serves them: what
 * a DNS lookup of a CNAME returns, what a request to a CNAME or load balancer gets from the version
 * running there, and faults that fail an environment's health checks. It reads environments through
 * {@link Beanstalk} and holds no state of its own; every operation holds the account lock ({@link
 * Scheduler}), so an answer reflects one instant.
 */
public final class Apps {

  /** An answer from a simulated application. */
  public record AppResponse(int status, String body, String environmentName, String version) {}

  private final Scheduler scheduler;
  private final Beanstalk beanstalk;

  public Apps(Scheduler scheduler, Beanstalk beanstalk) {
    this.scheduler = scheduler;
    this.beanstalk = beanstalk;
  }

  /**
   * What a request to {@code host} gets now: routed by CNAME or load balancer name; null when
   * nothing answers.
   */
  public AppResponse serve(String host) {
    synchronized (scheduler) {
      scheduler.settle();
      String h = host.toLowerCase(Locale.ROOT);
      SimEnvironment env = null;
      for (SimEnvironment e : beanstalk.environmentRecords()) {
        if (e.isTerminated()
            && !h.equals(String.valueOf(e.endpointUrl()).toLowerCase(Locale.ROOT))) {
          continue;
        }
        if (h.equalsIgnoreCase(e.cname()) || h.equalsIgnoreCase(e.endpointUrl())) {
          env = e;
          break;
        }
      }
      if (env == null) {
        return null;
      }
      return switch (env.status()) {
        case "Terminated", "Terminating" ->
            new AppResponse(503, "Service Unavailable", env.name(), null);
        case "Launching" -> new AppResponse(503, "Service Unavailable", env.name(), null);
        default -> {
          if (env.status().equals("Ready")
              && "Red".equals(env.health())
              && env.runningVersion() == null
              && beanstalk.behaviourOf(env).equals(Behaviour.HEALTHY)
              && env.versionLabel() != null) {
            yield new AppResponse(502, "Bad Gateway", env.name(), null);
          }
          Behaviour b = beanstalk.behaviourOf(env);
          if (beanstalk.degraded(env)) {
            yield new AppResponse(503, "Service Unavailable", env.name(), env.runningVersion());
          }
          String body =
              b.body() != null
                  ? b.body()
                  : env.runningVersion() != null
                      ? env.runningVersion()
                      : "Elastic Beanstalk sample application";
          yield new AppResponse(b.status(), body, env.name(), env.runningVersion());
        }
      };
    }
  }

  /** The load balancer a DNS lookup of {@code cname} returns now, as a client would cache it. */
  public Optional<String> resolve(String cname) {
    synchronized (scheduler) {
      scheduler.settle();
      return beanstalk.environmentRecords().stream()
          .filter(e -> !e.isTerminated() && cname.equalsIgnoreCase(e.cname()))
          .map(SimEnvironment::endpointUrl)
          .findFirst();
    }
  }

  /** Fault injection: the environment's health turns Red at {@code at}, whatever it runs. */
  public void turnRedAt(String environmentName, Instant at) {
    synchronized (scheduler) {
      scheduler.settle();
      SimEnvironment env =
          beanstalk
              .findLive(environmentName)
              .orElseThrow(() -> new IllegalArgumentException("no environment " + environmentName));
      Duration delay = Duration.between(scheduler.now(), at);
      scheduler.schedule(
          delay.isNegative() ? Duration.ZERO : delay, () -> beanstalk.forceRed(env, true));
      scheduler.settle();
    }
  }

  /** Ends a {@link #turnRedAt} fault. */
  public void clearRed(String environmentName) {
    synchronized (scheduler) {
      scheduler.settle();
      beanstalk.findLive(environmentName).ifPresent(env -> beanstalk.forceRed(env, false));
    }
  }
}
