package dev.bluegreen.waiting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void sleepMovesTheClockAtOnce() throws Exception {
    VirtualTime time = new VirtualTime(T0);
    long real = System.nanoTime();
    time.sleep(Duration.ofHours(2));
    assertThat(time.now()).isEqualTo(T0.plus(Duration.ofHours(2)));
    assertThat(Duration.ofNanos(System.nanoTime() - real)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void concurrentTasksOverlapInVirtualTime() throws Exception {
    VirtualTime time = new VirtualTime(T0);
    List<Callable<Instant>> tasks =
        List.of(
            () -> {
              time.sleep(Duration.ofMinutes(5));
              return time.now();
            },
            () -> {
              time.sleep(Duration.ofMinutes(2));
              time.sleep(Duration.ofMinutes(1));
              return time.now();
            });

    List<Instant> ends = time.runConcurrently(tasks);

    assertThat(ends)
        .containsExactly(T0.plus(Duration.ofMinutes(5)), T0.plus(Duration.ofMinutes(3)));
    assertThat(time.now())
        .as("the longest task, not the sum")
        .isEqualTo(T0.plus(Duration.ofMinutes(5)));
  }

  @Test
  void observersSeeEveryStretchAndCanStopTheClock() throws Exception {
    VirtualTime time = new VirtualTime(T0);
    List<String> seen = new ArrayList<>();
    time.addObserver(
        new VirtualTime.Observer() {
          @Override
          public Instant nextStop(Instant from) {
            Instant stop = T0.plusSeconds(30);
            return from.isBefore(stop) ? stop : Instant.MAX;
          }

          @Override
          public void passing(Instant from, Instant to) {
            seen.add(
                Duration.between(T0, from).toSeconds()
                    + "-"
                    + Duration.between(T0, to).toSeconds());
          }
        });

    time.sleep(Duration.ofMinutes(1));

    assertThat(seen).containsExactly("0-30", "30-60");
  }

  @Test
  void anInterruptedSleepThrowsAndLeavesTheClockUsable() throws Exception {
    VirtualTime time = new VirtualTime(T0);
    Thread.currentThread().interrupt();
    try {
      time.sleep(Duration.ofSeconds(5));
    } catch (InterruptedException expected) {
      // the flag was consumed
    }
    time.sleep(Duration.ofSeconds(5));
    assertThat(time.now()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void aFailingTaskIsRethrownAfterAllTasksEnded() {
    VirtualTime time = new VirtualTime(T0);
    boolean[] otherFinished = {false};
    List<Callable<Object>> tasks =
        List.of(
            () -> {
              throw new IllegalStateException("boom");
            },
            () -> {
              time.sleep(Duration.ofSeconds(10));
              otherFinished[0] = true;
              return null;
            });
    try {
      time.runConcurrently(tasks);
    } catch (Exception e) {
      assertThat(e).hasMessage("boom");
    }
    assertThat(otherFinished[0]).isTrue();
  }
}
