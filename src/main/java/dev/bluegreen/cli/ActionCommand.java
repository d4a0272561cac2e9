package dev.bluegreen.cli;

import dev.bluegreen.plan.Command;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The commands that act on an application (deploy, swap, rollback, status, cleanup): same inputs, one execution. */
abstract class ActionCommand implements Callable<Integer> {

  @Inject
  Host host;

  @Mixin
  InputOptions inputs;

  @Option(names = "--stacktrace", description = "print stack traces of unexpected errors (also with RUNNER_DEBUG=1)")
  boolean stacktrace;

  abstract Command command();

  @Override
  public Integer call() {
    return new Execution(host, stacktrace).run(command(), inputs);
  }
}
