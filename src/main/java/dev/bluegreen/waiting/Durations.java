package dev.bluegreen.waiting;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them ({@code 90s}, {@code 5m}, {@code 1h}, {@code 1m30s}, plain seconds)
 * and read them.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

  /** Longer than any wait the product accepts; beyond it arithmetic could overflow. */
  public static final Duration MAX = Duration.ofDays(365);

  /** A number of hours with more digits would overflow Duration's seconds. */
  private static final int MAX_DIGITS = 12;

  private Durations() {}

  /**
   * Parses a duration; empty when the text is not one, or is too long to be one (over {@link
   * #MAX}).
   */
  public static Optional<Duration> parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.matches("\\d+")) {
      t = t + "s";
    }
    if (t.isEmpty() || !t.matches("(\\d+(ms|h|m|s))+")) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
      if (digits.length() > MAX_DIGITS) {
        return Optional.empty();
      }
      long n = Long.parseLong(digits);
      total =
          total.plus(
              switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "ms" -> Duration.ofMillis(n);
                default -> Duration.ofSeconds(n);
              });
      if (total.compareTo(MAX) > 0) {
        return Optional.empty();
      }
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
