package dev.bluegreen.health;

import java.time.Duration;

/** The {@code health-check-*} inputs. */
public record HealthCheckSettings(
    String scheme,
    String path,
    StatusMatcher statuses,
    String contains,
    Duration requestTimeout,
    int successes,
    Duration maxWait) {

  /** Pause between two successful requests; consecutive successes should be spread a little. */
  public static final Duration BETWEEN_SUCCESSES = Duration.ofMillis(500);

  /** Pause after a failed request, to give a starting application a moment. */
  public static final Duration AFTER_FAILURE = Duration.ofSeconds(3);

  /**
   * Redirects followed on the same scheme, host and port (a redirect anywhere else is never
   * followed).
   */
  public static final int MAX_REDIRECTS = 5;

  /** How much of a response body is read, for health-check-contains. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /**
   * The longest health-check-contains: text longer than this cannot be a sensible marker of a
   * healthy page.
   */
  public static final int MAX_CONTAINS_BYTES = 4096;

  public String url(String host) {
    return scheme + "://" + host + path;
  }
}
