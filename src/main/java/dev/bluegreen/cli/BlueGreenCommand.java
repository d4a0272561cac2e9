package dev.bluegreen.cli;

import picocli.CommandLine.Command;

@Command(
    name = "bluegreen",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Zero-downtime blue-green deployments to AWS Elastic Beanstalk.%n"
            + "In GitHub Actions the inputs come from INPUT_* variables; elsewhere as --flags of the same names.",
    subcommands = {
      DeployCommand.class,
      SwapCommand.class,
      RollbackCommand.class,
      StatusCommand.class,
      CleanupCommand.class,
      SimulateCommand.class,
      DemoCommand.class,
      BenchmarkCommand.class
    },
    footer = {
      "",
      "Exit codes:",
      "  0  success",
      "  1  failed; production untouched or restored",
      "  2  invalid input or usage; nothing changed",
      "  3  failed, and production needs a person"
    })
public final class BlueGreenCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
