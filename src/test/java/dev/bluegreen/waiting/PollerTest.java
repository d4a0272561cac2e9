package dev.bluegreen.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollerTest {

  private final VirtualTime time = new VirtualTime(Instant.parse("2026-01-01T00:00:00Z"));
  private final Poller poller = new Poller(time.clock(), time);
  private final List<Instant> polls = new ArrayList<>();

  @Test
  void succeedsOnThePollThatSeesIt_andSleepsBetweenPolls() throws Exception {
    String result =
        poller.await(
            "x",
            Duration.ofMinutes(10),
            PollPolicy.startingAt(Duration.ofSeconds(5)),
            Duration.ZERO,
            null,
            o -> {},
            () -> {
              polls.add(time.now());
              return polls.size() == 4
                  ? Observation.success("done", "ok")
                  : Observation.retry("busy", true);
            });

    assertThat(result).isEqualTo("done");
    assertThat(polls)
        .extracting(p -> Duration.between(polls.get(0), p).toSeconds())
        .containsExactly(0L, 5L, 10L, 15L);
  }

  @Test
  void failureEndsTheWaitAtOnceWithItsReason() {
    assertThatThrownBy(
            () ->
                poller.await(
                    "x",
                    Duration.ofMinutes(10),
                    PollPolicy.startingAt(Duration.ofSeconds(5)),
                    Duration.ZERO,
                    null,
                    o -> {},
                    () -> Observation.failure("Failed to deploy application.")))
        .isInstanceOf(WaitFailed.class)
        .hasMessage("Failed to deploy application.");
    assertThat(time.now()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void timeoutSaysWhatWasAwaitedTheLastStateAndWhereToLook() {
    Instant start = time.now();
    assertThatThrownBy(
            () ->
                poller.await(
                    "my-env-green to become healthy",
                    Duration.ofMinutes(2),
                    PollPolicy.startingAt(Duration.ofSeconds(5)),
                    Duration.ZERO,
                    "See the console.",
                    o -> {},
                    () -> Observation.retry("Ready/Yellow", false)))
        .isInstanceOf(WaitTimeout.class)
        .hasMessage(
            "Timed out after 2m waiting for my-env-green to become healthy (last: Ready/Yellow). See the console.");
    assertThat(Duration.between(start, time.now())).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void throttledPollsSlowDownAndDoNotReplaceTheLastState() {
    assertThatThrownBy(
            () ->
                poller.await(
                    "x",
                    Duration.ofSeconds(60),
                    PollPolicy.startingAt(Duration.ofSeconds(5)),
                    Duration.ZERO,
                    null,
                    o -> {},
                    () -> {
                      polls.add(time.now());
                      return polls.size() == 1
                          ? Observation.retry("Updating", true)
                          : Observation.hiccup("Rate exceeded");
                    }))
        .hasMessageContaining("(last: Updating)");
    // 0, 5 (base after news), then doubling and capped at 10 s: 15, 25, 35, ...
    assertThat(Duration.between(polls.get(1), polls.get(2))).isEqualTo(Duration.ofSeconds(10));
  }
}
