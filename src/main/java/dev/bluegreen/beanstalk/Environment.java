package dev.bluegreen.beanstalk;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** What Elastic Beanstalk reports about one environment at one moment. */
public record Environment(
    String name,
    String id,
    String applicationName,
    String versionLabel,
    String cname,
    String endpointUrl,
    String status,
    String health,
    String healthStatus,
    String tier,
    String arn,
    String templateName,
    String solutionStackName,
    String platformArn,
    Instant dateUpdated) {

  public static final String READY = "Ready";
  public static final String TERMINATED = "Terminated";
  public static final String TERMINATING = "Terminating";

  public boolean isReady() {
    return READY.equals(status);
  }

  public boolean isTerminated() {
    return TERMINATED.equals(status);
  }

  /** Terminating or terminated: on its way out, never to be used again. */
  public boolean isGone() {
    return TERMINATED.equals(status) || TERMINATING.equals(status);
  }

  public boolean isWorker() {
    return "Worker".equals(tier);
  }

  /**
   * The environment of that name that is not terminated: Elastic Beanstalk lists terminated
   * environments for about an hour, and a name can be reused meanwhile.
   */
  public static Optional<Environment> current(Collection<Environment> listed, String name) {
    return listed.stream().filter(e -> e.name().equals(name) && !e.isTerminated()).findFirst();
  }

  /** {@code Ready/Green (Ok)} */
  public String stateLine() {
    return status + "/" + health + (healthStatus == null ? "" : " (" + healthStatus + ")");
  }
}
