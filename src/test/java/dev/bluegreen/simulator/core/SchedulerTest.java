package dev.bluegreen.simulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.waiting.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final VirtualTime time = new VirtualTime(T0);
  private final Scheduler scheduler = new Scheduler(time.clock());
  private final List<String> applied = new ArrayList<>();

  private void record(String name) {
    applied.add(name + "@" + Duration.between(T0, scheduler.now()).toSeconds());
  }

  @Test
  void settleAppliesWhatIsDueInOrderEachAtItsOwnInstant() {
    scheduler.schedule(Duration.ofSeconds(30), () -> record("b"));
    scheduler.schedule(Duration.ofSeconds(10), () -> record("a"));
    scheduler.schedule(Duration.ofSeconds(30), () -> record("c"));
    scheduler.schedule(Duration.ofSeconds(90), () -> record("later"));

    time.advance(Duration.ofMinutes(1));
    scheduler.settle();

    assertThat(applied).containsExactly("a@10", "b@30", "c@30");
    assertThat(scheduler.now()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void aTransitionSchedulesFromItsOwnInstant() {
    scheduler.schedule(
        Duration.ofSeconds(10),
        () -> scheduler.schedule(Duration.ofSeconds(5), () -> record("follow-up")));

    time.advance(Duration.ofMinutes(1));
    scheduler.settle();

    assertThat(applied).containsExactly("follow-up@15");
  }

  @Test
  void aCancelledTransitionDoesNotRun() {
    Runnable cancel = scheduler.schedule(Duration.ofSeconds(10), () -> record("cancelled"));
    scheduler.schedule(Duration.ofSeconds(20), () -> record("kept"));
    cancel.run();

    time.advance(Duration.ofMinutes(1));
    scheduler.settle();

    assertThat(applied).containsExactly("kept@20");
  }

  @Test
  void nextTransitionAfterIsTheEarliestPendingOneStrictlyLater() {
    assertThat(scheduler.nextTransitionAfter(T0)).isEqualTo(Instant.MAX);
    scheduler.schedule(Duration.ofSeconds(40), () -> {});
    scheduler.schedule(Duration.ofSeconds(10), () -> {});

    assertThat(scheduler.nextTransitionAfter(T0)).isEqualTo(T0.plusSeconds(10));
    assertThat(scheduler.nextTransitionAfter(T0.plusSeconds(10))).isEqualTo(T0.plusSeconds(40));
  }
}
