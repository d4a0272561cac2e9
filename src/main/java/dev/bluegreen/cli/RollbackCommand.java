package dev.bluegreen.cli;

import dev.bluegreen.inputs.Command;
import picocli.CommandLine;

@io.micronaut.context.annotation.Prototype
@CommandLine.Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description =
        "Put production back on the other environment if it is Ready, healthy and runs the previous version.")
final class RollbackCommand extends ActionCommand {
  @Override
  Command command() {
    return Command.ROLLBACK;
  }
}
