package dev.bluegreen.inputs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every declared input's value, parsed once from its text (a {@code --flag}, an {@code INPUT_}
 * variable, or the declared default), with the problems found, each naming its input. A value is
 * one line of text; an unset input without a declared default has no value.
 */
public final class InputValues {

  private final Map<Input<?>, Object> values = new HashMap<>();
  private final Map<Input<?>, String> given = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  private InputValues() {}

  /**
   * Every declared input, parsed.
   *
   * @param texts the text of each input by name, as given (null or blank: not given)
   */
  public static InputValues parse(Map<String, String> texts) {
    InputValues v = new InputValues();
    for (Input<?> input : Inputs.ALL) {
      v.read(input, texts.get(input.name()));
    }
    return v;
  }

  private <T> void read(Input<T> input, String raw) {
    String text = raw == null || raw.isBlank() ? null : raw.trim();
    if (text != null) {
      given.put(input, text);
      Optional<String> problem = InputText.problem(text);
      if (problem.isPresent()) {
        problems.add(input.name() + ": " + problem.get());
        return;
      }
    }
    String effective =
        text != null ? text : input.defaultText().isEmpty() ? null : input.defaultText();
    if (effective == null) {
      return;
    }
    try {
      values.put(input, input.parse(effective));
    } catch (Input.InvalidInput e) {
      problems.add(input.name() + ": " + e.getMessage());
    }
  }

  /** The value, or null when the input has none (unset without a default, or invalid). */
  @SuppressWarnings(
      "unchecked") // the map is filled by read(), which stores an Input<T>'s own value only
  public <T> T get(Input<T> input) {
    return (T) values.get(input);
  }

  public <T> Optional<T> optional(Input<T> input) {
    return Optional.ofNullable(get(input));
  }

  /** The text as given, trimmed; empty when the input was not given. */
  public Optional<String> given(Input<?> input) {
    return Optional.ofNullable(given.get(input));
  }

  /**
   * True when the input was given and is not valid: checks that depend on it have nothing to check.
   */
  public boolean invalid(Input<?> input) {
    return given.containsKey(input) && !values.containsKey(input);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }
}
