package dev.bluegreen.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.beanstalk.BeanstalkEvent;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.waiting.Observation.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decisions of a wait, as tables: status x health x running version (x how long it has been
 * unhealthy) -> keep waiting, done or failed, with the message; and the events that end a wait.
 */
class WaitRulesTest {

  @ParameterizedTest
  @CsvSource(
      value = {
        "Failed to deploy application.|true",
        "The environment was reverted to the previous configuration setting.|true",
        "Update environment operation is complete, but with errors. For more information, see troubleshooting documentation.|true",
        "Create environment operation is complete, but with errors. For more information, see troubleshooting documentation.|true",
        "Environment health has been set to RED|true",
        "Failed to launch environment.|true",
        "Launched environment: x. However, there were issues during launch. See event log for details.|true",
        "Environment update completed successfully.|false",
        "Environment health has transitioned from Ok to Warning.|false",
        "Completed swapping CNAMEs for environments 'a' and 'b'.|false"
      },
      delimiter = '|')
  void knownFailureEvents(String message, boolean failure) {
    BeanstalkEvent e = new BeanstalkEvent(Instant.EPOCH, "env", "req", "ERROR", message);
    assertThat(WaitRules.failureIn(e).isPresent()).isEqualTo(failure);
  }

  private static final Set<String> GREEN = Set.of("Green");

  private static WaitRules.Target target(String expected, boolean needHealth, int graceSeconds) {
    return new WaitRules.Target(
        "app-green",
        "req-1",
        expected.isEmpty() ? null : expected,
        needHealth,
        Duration.ofSeconds(graceSeconds),
        "run v2 healthily");
  }

  private static Environment env(String status, String health, String version) {
    return new Environment(
        "app-green",
        "e-1",
        "app",
        version,
        "app-green.us-east-1.elasticbeanstalk.com",
        null,
        status,
        health,
        "Ok",
        "WebServer",
        "arn",
        null,
        null,
        null,
        Instant.EPOCH);
  }

  @ParameterizedTest(
      name = "{0}/{1} running {2}, expecting {3}, health needed {4}, unhealthy {5}s of {6}s -> {7}")
  @CsvSource(
      value = {
        // status | health | running | expected | health? | unhealthy s | grace s | verdict |
        // message
        "Launching   | Grey   | v1      | v2       | true    | 0           | 60      | RETRY   | Launching/Grey (Ok), version v1",
        "Updating    | Grey   | v2      | v2       | true    | 0           | 60      | RETRY   | Updating/Grey (Ok), version v2",
        "Updating    | Red    | v2      | v2       | true    | 0           | 60      | RETRY   | Updating/Red (Ok), version v2",
        "Ready       | Green  | v2      | v2       | true    | 0           | 60      | SUCCESS | Ready/Green (Ok), version v2",
        "Ready       | Green  | v1      | v2       | true    | 0           | 60      | FAILURE | app-green is Ready but runs v1 instead of v2: Elastic Beanstalk rolled the deployment back",
        "Ready       | Yellow | v2      | v2       | true    | 0           | 60      | RETRY   | Ready/Yellow (Ok), version v2, waiting for the health to become Green",
        "Ready       | Yellow | v2      | v2       | true    | 59          | 60      | RETRY   | Ready/Yellow (Ok), version v2, waiting for the health to become Green",
        "Ready       | Yellow | v2      | v2       | true    | 60          | 60      | FAILURE | app-green is Ready but its health is Yellow (Ok) after 1m; accepted: Green",
        "Ready       | Red    | v2      | v2       | true    | 0           | 0       | FAILURE | app-green is Ready but its health is Red (Ok); accepted: Green",
        "Ready       | Red    | v2      | v2       | false   | 0           | 60      | SUCCESS | Ready/Red (Ok), version v2",
        "Ready       | Red    | v7      | ''       | false   | 0           | 60      | SUCCESS | Ready/Red (Ok), version v7",
        "Terminating | Grey   | v2      | v2       | true    | 0           | 60      | FAILURE | app-green is Terminating",
        "Terminated  | Grey   | v2      | v2       | true    | 0           | 60      | FAILURE | app-green is Terminated"
      },
      delimiter = '|')
  void decisions(
      String status,
      String health,
      String running,
      String expected,
      boolean needHealth,
      int unhealthy,
      int grace,
      Verdict verdict,
      String message) {
    WaitRules.Decision d =
        WaitRules.judge(
            target(expected, needHealth, grace),
            GREEN,
            env(status, health, running),
            Duration.ofSeconds(unhealthy));
    assertThat(d).isEqualTo(new WaitRules.Decision(verdict, message));
  }

  @Test
  void anEnvironmentThatIsNotListed_failsTheWait() {
    assertThat(WaitRules.judge(target("v2", true, 60), GREEN, null, Duration.ZERO))
        .isEqualTo(new WaitRules.Decision(Verdict.FAILURE, "app-green is gone"));
  }

  @ParameterizedTest(name = "event of {0}: {1} -> {2}")
  @CsvSource(
      value = {
        "req-1 | Failed to deploy application.                 | app-green: Failed to deploy application.",
        "req-9 | Failed to deploy application.                 | ''",
        "''    | Failed to deploy application.                 | ''",
        "req-1 | Environment update completed successfully.    | ''"
      },
      delimiter = '|')
  void onlyOurOwnRequestsFailureEventsEndTheWait(String requestId, String message, String failure) {
    BeanstalkEvent e =
        new BeanstalkEvent(
            Instant.EPOCH, "app-green", requestId.isEmpty() ? null : requestId, "ERROR", message);
    assertThat(WaitRules.failureOf(target("v2", true, 60), e).orElse("")).isEqualTo(failure);
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "Environment update completed successfully.|true",
        "Completed swapping CNAMEs for environments.|true",
        "Deploying new version to instance(s).|false"
      },
      delimiter = '|')
  void completionEventsSayTheEnvironmentIsWorthReading(String message, boolean completes) {
    assertThat(
            WaitRules.completes(
                new BeanstalkEvent(Instant.EPOCH, "app-green", "req-1", "INFO", message)))
        .isEqualTo(completes);
  }
}
