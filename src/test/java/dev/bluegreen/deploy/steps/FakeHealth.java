package dev.bluegreen.deploy.steps;

import dev.bluegreen.health.HealthCheckSettings;
import dev.bluegreen.health.HealthChecker;
import dev.bluegreen.health.HealthVerdict;
import dev.bluegreen.log.Log;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * HTTP health checks without HTTP: healthy unless a failure was queued; records the hosts checked.
 */
final class FakeHealth implements HealthChecker {
  private final List<String> hosts = new ArrayList<>();
  private final Deque<String> failures = new ArrayDeque<>();

  /** The next check fails, with this as its last problem. */
  void failsNext(String reason) {
    failures.add(reason);
  }

  List<String> hosts() {
    return List.copyOf(hosts);
  }

  @Override
  public synchronized HealthVerdict check(String host, HealthCheckSettings settings, Log log) {
    hosts.add(host);
    String url = settings.url(host);
    String failure = failures.poll();
    if (failure != null) {
      return new HealthVerdict(false, url, 5, 0, List.of(failure));
    }
    return new HealthVerdict(true, url, settings.successes(), settings.successes(), List.of());
  }
}
