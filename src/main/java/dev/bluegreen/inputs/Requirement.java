package dev.bluegreen.inputs;

import java.util.EnumSet;
import java.util.Set;

/**
 * When an input must be given: for which commands and strategies, and whether GitHub Actions
 * supplies a value in its place. The request's rules and {@code --help} both read it.
 *
 * @param commands the commands that need the input
 * @param strategies the strategies with which they need it
 * @param actionsDefault true when GitHub Actions gives a default, so only other surroundings need
 *     it
 * @param reason what the input is needed for, ending the problem message; empty for none
 */
public record Requirement(
    Set<Command> commands, Set<Strategy> strategies, boolean actionsDefault, String reason) {

  public static final Requirement NONE =
      new Requirement(EnumSet.noneOf(Command.class), EnumSet.allOf(Strategy.class), false, "");

  public static Requirement always() {
    return new Requirement(EnumSet.allOf(Command.class), EnumSet.allOf(Strategy.class), false, "");
  }

  /** Needed with one strategy, by the commands given. */
  public static Requirement withStrategy(Strategy strategy, String reason, Set<Command> commands) {
    return new Requirement(EnumSet.copyOf(commands), EnumSet.of(strategy), false, reason);
  }

  /** Needed by the command wherever GitHub Actions does not supply a default. */
  public static Requirement outsideActions(Command command, String reason) {
    return new Requirement(EnumSet.of(command), EnumSet.allOf(Strategy.class), true, reason);
  }

  public boolean appliesTo(Command command, Strategy strategy) {
    return commands.contains(command) && strategies.contains(strategy);
  }

  /**
   * How {@code --help} of the command marks the input: "required", "required with strategy swap",
   * "required outside GitHub Actions", or empty.
   */
  public String helpFor(Command command) {
    if (!commands.contains(command)) {
      return "";
    }
    if (actionsDefault) {
      return "required outside GitHub Actions";
    }
    if (strategies.size() < Strategy.values().length) {
      return "required with strategy "
          + String.join(" or ", strategies.stream().map(Strategy::input).toList());
    }
    return "required";
  }
}
