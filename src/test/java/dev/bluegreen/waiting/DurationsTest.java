package dev.bluegreen.waiting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({"90s, 90", "5m, 300", "1h, 3600", "1m30s, 90", "45, 45", " 2m , 120", "1h5m, 3900"})
  void parse_acceptsTheWrittenForms(String text, long seconds) {
    assertThat(Durations.parse(text)).contains(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @CsvSource({
    "soon",
    "5 minutes",
    "-5s",
    "1.5m",
    "''",
    "m5",
    "99999999999999999999s",
    "9223372036854775807h",
    "9223372036854775807",
    "8761h",
    "99999999999999999999999999999999999ms"
  })
  void parse_rejectsAnythingElse(String text) {
    assertThat(Durations.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"0000000000000000000090s, 90", "8760h, 31536000"})
  void parse_acceptsLeadingZerosAndAYear(String text, long seconds) {
    assertThat(Durations.parse(text)).contains(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @CsvSource({"PT0.4S, 0.4s", "PT12S, 12s", "PT4M5S, 4m 05s", "PT5M, 5m", "PT1H2M, 1h 02m"})
  void format_isShortAndReadable(String iso, String text) {
    assertThat(Durations.format(Duration.parse(iso))).isEqualTo(text);
  }
}
