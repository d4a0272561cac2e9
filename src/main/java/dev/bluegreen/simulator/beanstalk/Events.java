package dev.bluegreen.simulator.beanstalk;

import dev.bluegreen.simulator.core.Scheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The account's Elastic Beanstalk events, in the order they happened, each stamped with the instant
 * of the operation or transition that recorded it. Every operation holds the account lock ({@link
 * Scheduler}).
 */
final class Events {

  private static final List<String> SEVERITIES =
      List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");

  private final Scheduler scheduler;
  private final Beanstalk beanstalk;
  private final List<SimEvent> events = new ArrayList<>();

  Events(Scheduler scheduler, Beanstalk beanstalk) {
    this.scheduler = scheduler;
    this.beanstalk = beanstalk;
  }

  void add(SimEnvironment env, String requestId, String severity, String message) {
    events.add(
        new SimEvent(
            scheduler.now(),
            env.applicationName,
            env.name,
            env.versionLabel,
            null,
            requestId,
            severity,
            message));
  }

  /** Events matching every given filter (nulls ignored), newest first. */
  List<SimEvent> events(
      String application,
      String environmentName,
      String environmentId,
      String versionLabel,
      String requestId,
      String minSeverity,
      Instant startTime,
      Instant endTime) {
    synchronized (scheduler) {
      scheduler.settle();
      String nameOfId =
          environmentId == null ? null : beanstalk.nameOfId(environmentId).orElse("\0");
      int min = minSeverity == null ? 0 : Math.max(0, SEVERITIES.indexOf(minSeverity));
      List<SimEvent> out = new ArrayList<>();
      for (int i = events.size() - 1; i >= 0; i--) {
        SimEvent e = events.get(i);
        if ((application == null || application.equals(e.applicationName()))
            && (environmentName == null || environmentName.equals(e.environmentName()))
            && (nameOfId == null || nameOfId.equals(e.environmentName()))
            && (versionLabel == null || versionLabel.equals(e.versionLabel()))
            && (requestId == null || requestId.equals(e.requestId()))
            && SEVERITIES.indexOf(e.severity()) >= min
            && (startTime == null || !e.date().isBefore(startTime))
            && (endTime == null || e.date().isBefore(endTime))) {
          out.add(e);
        }
      }
      return out;
    }
  }

  /** Every event so far, oldest first. */
  List<SimEvent> all() {
    synchronized (scheduler) {
      scheduler.settle();
      return List.copyOf(events);
    }
  }
}
