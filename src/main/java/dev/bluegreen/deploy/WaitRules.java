package dev.bluegreen.deploy;

import dev.bluegreen.beanstalk.BeanstalkEvent;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.waiting.Durations;
import dev.bluegreen.waiting.Observation.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Elastic Beanstalk's answers mean while waiting for an environment, as pure decisions: from
 * its status, health colour, running version and events, keep waiting, done, or failed (with the
 * message). {@link EnvironmentWaits} does the reading and the pacing.
 */
public final class WaitRules {

  /** Events that mean the operation failed, as the EB CLI reads them. */
  static final List<String> FAILURE_MARKERS =
      List.of(
          "Environment health has been set to RED",
          "Failed to launch environment.",
          "Failed to deploy application.",
          "The environment was reverted to the previous configuration setting.",
          "Failed to deploy configuration.",
          "Create environment operation is complete, but with errors",
          "Update environment operation is complete, but with errors.");

  /** Events that say the operation has just ended, so the environment is worth reading now. */
  static final List<String> COMPLETION_MARKERS =
      List.of(
          "Successfully launched environment",
          "Environment update completed successfully.",
          "Completed swapping CNAMEs",
          "terminateEnvironment completed successfully.",
          "Instance deployment completed successfully.",
          "New application version was deployed");

  /** How long a Ready environment may show an unaccepted health colour before the wait gives up. */
  public static final Duration HEALTH_GRACE = Duration.ofSeconds(60);

  private WaitRules() {}

  /**
   * What a wait is for.
   *
   * @param requestId the request whose events end the wait when they report a failure; null when
   *     waiting for someone else's operation to end
   * @param expectedVersion the version the environment must run, or null for any
   * @param needHealth whether an accepted health colour is needed, or Ready is enough
   * @param healthGrace how long Ready with another colour is tolerated
   */
  public record Target(
      String environment,
      String requestId,
      String expectedVersion,
      boolean needHealth,
      Duration healthGrace,
      String purpose) {}

  /**
   * One decision and the message that goes with it (the state while waiting, the reason when
   * failed).
   */
  public record Decision(Verdict verdict, String message) {}

  /**
   * The decision on one reading of the environment.
   *
   * @param env as listed now; null when it is not listed (or only as terminated)
   * @param unhealthyFor how long the environment has been Ready with an unaccepted colour before
   *     this reading
   */
  public static Decision judge(
      Target t, Set<String> accepted, Environment env, Duration unhealthyFor) {
    if (env == null || env.isGone()) {
      return new Decision(
          Verdict.FAILURE, t.environment() + " is " + (env == null ? "gone" : env.status()));
    }
    String state = env.stateLine() + ", version " + env.versionLabel();
    if (!env.isReady()) {
      return new Decision(Verdict.RETRY, state);
    }
    if (t.expectedVersion() != null && !t.expectedVersion().equals(env.versionLabel())) {
      return new Decision(
          Verdict.FAILURE,
          t.environment()
              + " is Ready but runs "
              + env.versionLabel()
              + " instead of "
              + t.expectedVersion()
              + ": Elastic Beanstalk rolled the deployment back");
    }
    if (!t.needHealth() || accepted.contains(env.health())) {
      return new Decision(Verdict.SUCCESS, state);
    }
    if (unhealthyFor.compareTo(t.healthGrace()) >= 0) {
      return new Decision(
          Verdict.FAILURE,
          t.environment()
              + " is Ready but its health is "
              + env.health()
              + (env.healthStatus() == null ? "" : " (" + env.healthStatus() + ")")
              + (t.healthGrace().isZero() ? "" : " after " + Durations.format(t.healthGrace()))
              + "; accepted: "
              + String.join(",", accepted));
    }
    return new Decision(
        Verdict.RETRY,
        state + ", waiting for the health to become " + String.join(" or ", accepted));
  }

  /**
   * The failure an event reports for our own request. Only our own request's failures end a wait:
   * waiting for someone else's operation to end (an environment found Updating) goes on whatever
   * that operation's fate.
   */
  public static Optional<String> failureOf(Target t, BeanstalkEvent e) {
    if (t.requestId() == null || !t.requestId().equals(e.requestId())) {
      return Optional.empty();
    }
    return failureIn(e).map(f -> t.environment() + ": " + f);
  }

  /** The message of an event that reports a failed operation, whoever asked for it. */
  public static Optional<String> failureIn(BeanstalkEvent e) {
    for (String marker : FAILURE_MARKERS) {
      if (e.message().contains(marker)) {
        return Optional.of(e.message());
      }
    }
    if (e.message().startsWith("Launched environment")
        && e.message().contains("However, there were issues during launch.")) {
      return Optional.of(e.message());
    }
    return Optional.empty();
  }

  /** Whether the event says an operation has just ended. */
  public static boolean completes(BeanstalkEvent e) {
    return COMPLETION_MARKERS.stream().anyMatch(m -> e.message().startsWith(m));
  }
}
