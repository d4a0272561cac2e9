package dev.bluegreen.health;

import java.util.List;

/**
 * The outcome of an HTTP health check.
 *
 * @param reasons for a failure, the distinct problems seen (newest last)
 */
public record HealthVerdict(
    boolean healthy, String url, int requests, int consecutiveSuccesses, List<String> reasons) {

  public String summary() {
    if (healthy) {
      return consecutiveSuccesses + " consecutive successful requests to " + url;
    }
    return "health check of "
        + url
        + " failed after "
        + requests
        + " requests: "
        + (reasons.isEmpty() ? "no answer" : reasons.get(reasons.size() - 1));
  }
}
