package dev.bluegreen.cli;

import dev.bluegreen.inputs.Command;
import picocli.CommandLine;

@io.micronaut.context.annotation.Prototype
@CommandLine.Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = "Deploy a new version with the chosen strategy (blue-green, zero downtime).")
final class DeployCommand extends ActionCommand {
  @Override
  Command command() {
    return Command.DEPLOY;
  }
}
