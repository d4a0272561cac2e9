package dev.bluegreen.cli;

import dev.bluegreen.inputs.Command;
import dev.bluegreen.inputs.Input;
import dev.bluegreen.inputs.Inputs;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The commands that act on an application (deploy, swap, rollback, status, cleanup): the same
 * inputs, as {@code --flags} made from their declarations (see {@link Cli#withInputOptions}), and
 * one execution.
 */
abstract class ActionCommand implements Callable<Integer> {

  @Inject Execution execution;

  @Spec CommandSpec spec;

  @Option(
      names = "--stacktrace",
      description = "print stack traces of unexpected errors (also with RUNNER_DEBUG=1)")
  boolean stacktrace;

  abstract Command command();

  @Override
  public Integer call() {
    Map<String, String> texts = new HashMap<>();
    for (Input<?> input : Inputs.ALL) {
      OptionSpec option = spec.findOption(input.flag());
      if (option != null) {
        texts.put(input.name(), option.getValue());
      }
    }
    return execution.run(command(), texts, stacktrace);
  }
}
