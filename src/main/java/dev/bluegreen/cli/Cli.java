package dev.bluegreen.cli;

import dev.bluegreen.action.ActionEnvironment;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.inputs.Input;
import dev.bluegreen.inputs.Inputs;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Runs the {@code bluegreen} command line in a host: picks the command, wires Micronaut and
 * picocli, returns the exit code.
 */
public final class Cli {
  private Cli() {}

  /**
   * The commands the {@code command} input may name; the tool commands (simulate, demo) are for a
   * terminal.
   */
  static final List<String> ACTION_COMMANDS =
      List.of("deploy", "swap", "rollback", "status", "cleanup");

  public static int run(Host host, String... args) {
    return run(host, List.of(), args);
  }

  /**
   * Runs the command line with some beans replaced.
   *
   * @param beans objects that replace the default beans of their types (a clock, a sleeper, the
   *     health checker, the gateways)
   */
  public static int run(Host host, List<Object> beans, String... args) {
    // The product takes no Micronaut configuration (inputs come from INPUT_* and flags), so the
    // context skips environment deduction and property sources: they cost start-up time natively.
    try (ApplicationContext context =
        ApplicationContext.builder()
            .deduceEnvironment(false)
            .deduceCloudEnvironment(false)
            .bootstrapEnvironment(false)
            .enableDefaultPropertySources(false)
            .environmentPropertySource(false)
            .banner(false)
            .singletons(host)
            .singletons(beans.toArray())
            .start()) {
      if (args.length == 0) {
        Optional<String> problem = commandInputProblem(host);
        if (problem.isPresent()) {
          return context.getBean(Execution.class).refuse(List.of(problem.get()));
        }
      }
      CommandLine cmd =
          withInputOptions(new CommandLine(BlueGreenCommand.class, new MicronautFactory(context)));
      cmd.setDefaultValueProvider(new ActionInputDefaults(host.env()));
      cmd.setOut(new PrintWriter(new OutputStreamWriter(host.out(), StandardCharsets.UTF_8), true));
      cmd.setErr(new PrintWriter(new OutputStreamWriter(host.err(), StandardCharsets.UTF_8), true));
      cmd.setCaseInsensitiveEnumValuesAllowed(true);
      cmd.setExecutionExceptionHandler(
          (e, commandLine, parseResult) -> {
            host.err().println("bluegreen: unexpected error: " + e);
            if (new ActionEnvironment(host.env()).debug()) {
              e.printStackTrace(host.err());
            }
            return ExitCodes.NEEDS_PERSON;
          });
      return cmd.execute(args.length > 0 ? args : implicitCommand(host));
    }
  }

  /**
   * Every input except command becomes a --flag of each action command, as its declaration says.
   */
  static CommandLine withInputOptions(CommandLine root) {
    for (CommandLine sub : root.getSubcommands().values()) {
      if (!(sub.getCommand() instanceof ActionCommand action)) {
        continue;
      }
      withRequiredSection(sub, action.command());
      for (Input<?> input : Inputs.ALL) {
        if (input == Inputs.COMMAND) {
          continue;
        }
        OptionSpec.Builder option =
            OptionSpec.builder(input.flag())
                .paramLabel(input.label())
                .type(String.class)
                .description(input.description().replace("%", "%%"));
        input.valueWhenBare().ifPresent(v -> option.arity("0..1").fallbackValue(v));
        sub.getCommandSpec().addOption(option.build());
      }
    }
    return root;
  }

  /**
   * A "Required:" section after the description: the flags the command needs, and when. Nothing is
   * required to picocli itself, because the values may also come from INPUT_ variables and every
   * missing one is reported together with the other problems.
   */
  private static void withRequiredSection(CommandLine sub, Command command) {
    List<String> always = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (Input<?> input : Inputs.ALL) {
      String when = input.requirement().helpFor(command);
      if (when.equals("required")) {
        always.add(input.flag());
      } else if (!when.isEmpty()) {
        lines.add(String.format(Locale.ROOT, "  %-22s %s", input.flag(), when.replace("%", "%%")));
      }
    }
    if (!always.isEmpty()) {
      lines.add(0, "  " + String.join(", ", always));
    }
    if (lines.isEmpty()) {
      return;
    }
    UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
    List<String> keys = new ArrayList<>(usage.sectionKeys());
    keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_DESCRIPTION) + 1, REQUIRED_SECTION);
    usage.sectionKeys(keys);
    String text = "%nRequired:%n" + String.join("%n", lines) + "%n%n";
    usage.sectionMap().put(REQUIRED_SECTION, help -> help.createHeading(text));
  }

  private static final String REQUIRED_SECTION = "bluegreenRequired";

  /** A {@code command} input that names none of the action commands, as a problem. */
  static Optional<String> commandInputProblem(Host host) {
    ActionEnvironment action = new ActionEnvironment(host.env());
    return action
        .input("command")
        .filter(c -> !ACTION_COMMANDS.contains(c.toLowerCase(Locale.ROOT)))
        .map(c -> "command: '" + c + "' is not one of " + String.join(", ", ACTION_COMMANDS));
  }

  /**
   * With no arguments (a docker action passes none): the {@code command} input, or deploy for a
   * DNXLabs-style container, or help.
   */
  static String[] implicitCommand(Host host) {
    ActionEnvironment action = new ActionEnvironment(host.env());
    if (action.hasAnyInput() || action.isActions()) {
      return new String[] {action.input("command").orElse("deploy").toLowerCase(Locale.ROOT)};
    }
    if (ActionInputDefaults.dnxMode(host.env())) {
      return new String[] {"deploy"};
    }
    return new String[] {"--help"};
  }
}
