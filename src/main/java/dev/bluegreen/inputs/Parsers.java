package dev.bluegreen.inputs;

import dev.bluegreen.health.StatusMatcher;
import dev.bluegreen.inputs.Input.InvalidInput;
import dev.bluegreen.inputs.Input.Parser;
import dev.bluegreen.waiting.Durations;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The kinds of input values, each with the message that says what to write instead. */
public final class Parsers {
  private static final Set<String> TRUE = Set.of("true", "True", "TRUE");
  private static final Set<String> FALSE = Set.of("false", "False", "FALSE");

  static final Parser<Boolean> BOOL =
      text -> {
        if (TRUE.contains(text)) {
          return true;
        }
        if (FALSE.contains(text)) {
          return false;
        }
        throw new InvalidInput("'" + text + "' is not a boolean; use true or false");
      };

  private Parsers() {}

  public static Parser<String> text() {
    return text -> text;
  }

  /** Text matching {@code pattern}; {@code rule} completes "'x' ...". */
  public static Parser<String> matching(String pattern, String rule) {
    Pattern p = Pattern.compile(pattern);
    return text -> {
      if (!p.matcher(text).matches()) {
        throw new InvalidInput("'" + text + "' " + rule);
      }
      return text;
    };
  }

  /** Text of at most {@code max} characters. */
  public static Parser<String> upTo(int max) {
    return text -> {
      if (text.length() > max) {
        throw new InvalidInput("is " + text.length() + " characters long; the limit is " + max);
      }
      return text;
    };
  }

  /** Text of at most {@code max} UTF-8 bytes; {@code why} ends the message. */
  public static Parser<String> bytesUpTo(int max, String why) {
    return text -> {
      int bytes = text.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > max) {
        throw new InvalidInput("is " + bytes + " bytes long; the limit is " + max + why);
      }
      return text;
    };
  }

  /** A problem function: empty when the text is fine. */
  public static Parser<String> checked(Function<String, Optional<String>> problem) {
    return text -> {
      Optional<String> p = problem.apply(text);
      if (p.isPresent()) {
        throw new InvalidInput(p.get());
      }
      return text;
    };
  }

  /** true or false as YAML spells them; a flag given without a value means true. */
  public static Parser<Boolean> bool() {
    return BOOL;
  }

  public static Parser<Integer> integer(int min, int max) {
    return text -> {
      int n;
      try {
        n = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw new InvalidInput("'" + text + "' is not a whole number");
      }
      if (n < min || n > max) {
        throw new InvalidInput("'" + text + "' must be between " + min + " and " + max);
      }
      return n;
    };
  }

  public static Parser<Duration> duration(Duration min, Duration max) {
    return text -> {
      Optional<Duration> d = Durations.parse(text);
      if (d.isEmpty()) {
        throw new InvalidInput(
            "'"
                + text
                + "' is not a duration between "
                + Durations.format(min)
                + " and "
                + Durations.format(max)
                + "; write 90s, 5m, 1h or plain seconds");
      }
      if (d.get().compareTo(min) < 0 || d.get().compareTo(max) > 0) {
        throw new InvalidInput(
            "'"
                + text
                + "' must be between "
                + Durations.format(min)
                + " and "
                + Durations.format(max));
      }
      return d.get();
    };
  }

  /** One of the enum's values, by its lower-case name, case-insensitively. */
  public static <E extends Enum<E>> Parser<E> choice(Class<E> type, Function<E, String> name) {
    E[] values = type.getEnumConstants();
    return text -> {
      for (E e : values) {
        if (name.apply(e).equals(text.toLowerCase(Locale.ROOT))) {
          return e;
        }
      }
      throw new InvalidInput(
          "'"
              + text
              + "' is not one of "
              + String.join(", ", Arrays.stream(values).map(name).toList()));
    };
  }

  /** One of the words, case-insensitively, as the word. */
  public static Parser<String> word(List<String> words) {
    return text -> {
      String w = text.toLowerCase(Locale.ROOT);
      if (!words.contains(w)) {
        throw new InvalidInput("'" + text + "' is not one of " + String.join(", ", words));
      }
      return w;
    };
  }

  public static Parser<StatusMatcher> statuses() {
    return text ->
        StatusMatcher.parse(text)
            .orElseThrow(
                () ->
                    new InvalidInput(
                        "'"
                            + text
                            + "' is not a list of statuses "
                            + "such as 200,204 or 2xx or 200-399"));
  }

  /**
   * Comma-separated names out of {@code allowed}, written in any case, kept in the allowed
   * spelling.
   */
  public static Parser<Set<String>> namesOf(List<String> allowed, String what) {
    return text -> {
      Set<String> names = new LinkedHashSet<>();
      List<String> unknown = new ArrayList<>();
      for (String part : text.split(",", -1)) {
        String p = part.trim();
        if (p.isEmpty()) {
          continue;
        }
        allowed.stream()
            .filter(a -> a.equalsIgnoreCase(p))
            .findFirst()
            .ifPresentOrElse(names::add, () -> unknown.add(p));
      }
      if (!unknown.isEmpty()) {
        throw new InvalidInput(
            "'"
                + String.join("', '", unknown)
                + "' "
                + (unknown.size() == 1 ? "is not a " + what : "are not " + what + "s")
                + "; use "
                + String.join(", ", allowed));
      }
      return java.util.Collections.unmodifiableSet(names);
    };
  }

  /** Both parsers in turn: the second sees what the first returned. */
  public static <T> Parser<T> and(Parser<String> first, Parser<T> then) {
    return text -> then.parse(first.parse(text));
  }
}
