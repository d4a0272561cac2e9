package dev.bluegreen.cli;

import dev.bluegreen.inputs.Command;
import picocli.CommandLine;

@io.micronaut.context.annotation.Prototype
@CommandLine.Command(
    name = "cleanup",
    mixinStandardHelpOptions = true,
    description =
        "Terminate leftover temporary environments and templates this tool made; prune old versions (keep-versions).")
final class CleanupCommand extends ActionCommand {
  @Override
  Command command() {
    return Command.CLEANUP;
  }
}
