package dev.bluegreen.waiting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollPolicyTest {

  @ParameterizedTest
  @CsvSource({
    // current ms | news | throttled || next ms
    "5000,  false, false, 6250",
    "6250,  false, false, 7813",
    "9000,  false, false, 10000",
    "10000, true,  false, 5000",
    "5000,  false, true,  10000",
    "10000, true,  true,  10000"
  })
  void next_growsWithoutNewsResetsOnNewsAndBacksOffWhenThrottled(
      long current, boolean news, boolean throttled, long next) {
    PollPolicy policy = PollPolicy.startingAt(Duration.ofSeconds(5));
    assertThat(policy.next(Duration.ofMillis(current), news, throttled))
        .isEqualTo(Duration.ofMillis(next));
  }

  @ParameterizedTest
  @CsvSource({"1, 2", "5, 10", "45, 60", "90, 90"})
  void ceiling_isTwiceTheBaseButNeverAboveAMinuteUnlessTheBaseIs(
      long baseSeconds, long maxSeconds) {
    assertThat(PollPolicy.startingAt(Duration.ofSeconds(baseSeconds)).max())
        .isEqualTo(Duration.ofSeconds(maxSeconds));
  }
}
