package dev.bluegreen.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Accepted HTTP statuses: {@code 200,204}, {@code 2xx}, {@code 200-399}, or a mix. */
public record StatusMatcher(String spec, List<int[]> ranges) {

  public static Optional<StatusMatcher> parse(String spec) {
    List<int[]> ranges = new ArrayList<>();
    for (String raw : spec.split(",", -1)) {
      String part = raw.trim().toLowerCase(Locale.ROOT);
      try {
        if (part.matches("[1-5]xx")) {
          int base = (part.charAt(0) - '0') * 100;
          ranges.add(new int[] {base, base + 99});
        } else if (part.matches("\\d{3}-\\d{3}")) {
          int lo = Integer.parseInt(part.substring(0, 3));
          int hi = Integer.parseInt(part.substring(4));
          if (lo > hi) {
            return Optional.empty();
          }
          ranges.add(new int[] {lo, hi});
        } else if (part.matches("\\d{3}")) {
          int code = Integer.parseInt(part);
          ranges.add(new int[] {code, code});
        } else {
          return Optional.empty();
        }
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    for (int[] r : ranges) {
      if (r[0] < 100 || r[1] > 599) {
        return Optional.empty();
      }
    }
    return ranges.isEmpty()
        ? Optional.empty()
        : Optional.of(new StatusMatcher(spec.trim(), List.copyOf(ranges)));
  }

  public boolean accepts(int status) {
    return ranges.stream().anyMatch(r -> status >= r[0] && status <= r[1]);
  }

  @Override
  public String toString() {
    return spec;
  }
}
