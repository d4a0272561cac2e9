package dev.bluegreen.inputs;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One input of the action, declared once: the name it has everywhere ({@code with:} key, {@code
 * --flag}, {@code INPUT_} variable), the default action.yml shows, the description action.yml, the
 * README and {@code --help} show, how its text becomes a value, and which commands and strategies
 * it affects. The picocli options, the {@code INPUT_} mapping, action.yml and the README tables are
 * all derived from the declarations in {@link Inputs}.
 *
 * @param <T> the parsed value
 */
public final class Input<T> {

  private final String name;
  private final String defaultText;
  private final String label;
  private final String description;
  private final Parser<T> parser;
  private final Set<Command> commands;
  private final Set<Strategy> strategies;
  private final String noEffectHint;
  private final Requirement requirement;

  private Input(
      String name,
      String defaultText,
      String label,
      String description,
      Parser<T> parser,
      Set<Command> commands,
      Set<Strategy> strategies,
      String noEffectHint,
      Requirement requirement) {
    this.name = name;
    this.defaultText = defaultText;
    this.label = label;
    this.description = description;
    this.parser = parser;
    this.commands = commands;
    this.strategies = strategies;
    this.noEffectHint = noEffectHint;
    this.requirement = requirement;
  }

  /**
   * An input used by every command and strategy.
   *
   * @param defaultText what action.yml declares as the default (parsed like a given value); empty
   *     when the default is computed or there is none
   * @param label the value's placeholder in {@code --help}, e.g. {@code DURATION}
   */
  public static <T> Input<T> of(
      String name, String defaultText, String label, Parser<T> parser, String description) {
    return new Input<>(
        name,
        defaultText,
        label,
        description,
        parser,
        EnumSet.allOf(Command.class),
        EnumSet.allOf(Strategy.class),
        "",
        Requirement.NONE);
  }

  /** The same input, used only by these commands. */
  public Input<T> commands(Command first, Command... rest) {
    return new Input<>(
        name,
        defaultText,
        label,
        description,
        parser,
        EnumSet.of(first, rest),
        strategies,
        noEffectHint,
        requirement);
  }

  /**
   * The same input, used only with this strategy; {@code hint} ends the warning when it is set with
   * another.
   */
  public Input<T> strategy(Strategy only, String hint) {
    return new Input<>(
        name,
        defaultText,
        label,
        description,
        parser,
        commands,
        EnumSet.of(only),
        hint,
        requirement);
  }

  /** The same input, which must be given as the requirement says. */
  public Input<T> required(Requirement when) {
    return new Input<>(
        name, defaultText, label, description, parser, commands, strategies, noEffectHint, when);
  }

  public Requirement requirement() {
    return requirement;
  }

  public String name() {
    return name;
  }

  /** The {@code --flag} of the CLI. */
  public String flag() {
    return "--" + name;
  }

  public String defaultText() {
    return defaultText;
  }

  public String label() {
    return label;
  }

  /**
   * What the flag means when given without a value: "true" for a boolean, else empty (a value is
   * required).
   */
  public java.util.Optional<String> valueWhenBare() {
    return parser == Parsers.BOOL ? java.util.Optional.of("true") : java.util.Optional.empty();
  }

  public String description() {
    return description;
  }

  /** The value of the text, or the problem with it (without the input's name). */
  public T parse(String text) throws InvalidInput {
    return parser.parse(text);
  }

  /** Why giving this input has no effect with the command, or empty when it has one. */
  public Optional<String> noEffectWith(Command command) {
    if (commands.contains(command)) {
      return Optional.empty();
    }
    return Optional.of(
        name
            + " has no effect with command "
            + command.input()
            + " (it is used by "
            + String.join(", ", commands.stream().map(Command::input).toList())
            + ")");
  }

  /** Why giving this input has no effect with the strategy, or empty when it has one. */
  public Optional<String> noEffectWith(Strategy strategy) {
    if (strategies.contains(strategy)) {
      return Optional.empty();
    }
    return Optional.of(
        name
            + " has no effect with strategy "
            + strategy.input()
            + (noEffectHint.isEmpty() ? "" : " (" + noEffectHint + ")"));
  }

  @Override
  public String toString() {
    return name;
  }

  /** Turns an input's text into its value. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(String text) throws InvalidInput;
  }

  /** The text is not a value of the input; the message says why and what to write instead. */
  public static final class InvalidInput extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidInput(String message) {
      super(message);
    }
  }
}
