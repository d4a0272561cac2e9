package dev.bluegreen.cli;

import dev.bluegreen.inputs.Command;
import picocli.CommandLine;

@io.micronaut.context.annotation.Prototype
@CommandLine.Command(
    name = "swap",
    mixinStandardHelpOptions = true,
    description = "Promote the standby now, with the same checks as deploy (after promote: false).")
final class SwapCommand extends ActionCommand {
  @Override
  Command command() {
    return Command.SWAP;
  }
}
