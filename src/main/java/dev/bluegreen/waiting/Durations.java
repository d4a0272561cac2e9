package dev.bluegreen.waiting;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them ({@code 90s}, {@code 5m}, {@code 1h}, {@code 1m30s}, plain seconds) and read them. */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

  private Durations() {}

  /** Parses a duration; empty when the text is not one. */
  public static Optional<Duration> parse(String text) {
    String t = text.trim().toLowerCase();
    if (t.matches("\\d+")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(t)));
    }
    if (t.isEmpty() || !t.matches("(\\d+(ms|h|m|s))+")) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        case "ms" -> Duration.ofMillis(n);
        default -> Duration.ofSeconds(n);
      });
    }
    return Optional.of(total);
  }

  /** {@code 4m 05s}, {@code 12s}, {@code 1h 02m}, {@code 0.4s}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms < 10_000 && ms % 1000 != 0) {
      return String.format("%.1fs", ms / 1000.0);
    }
    long s = Math.round(ms / 1000.0);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + (s % 60 == 0 ? "" : String.format(" %02ds", s % 60));
    }
    return (s / 3600) + "h" + String.format(" %02dm", (s % 3600) / 60);
  }
}
