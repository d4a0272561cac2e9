package dev.bluegreen.cli;

import dev.bluegreen.inputs.Command;
import picocli.CommandLine;

@io.micronaut.context.annotation.Prototype
@CommandLine.Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Report the live and standby environments, their versions and health.")
final class StatusCommand extends ActionCommand {
  @Override
  Command command() {
    return Command.STATUS;
  }
}
