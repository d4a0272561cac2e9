package dev.bluegreen.deploy.steps;

import dev.bluegreen.deploy.Context;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.StepFailure;
import java.util.Optional;

/** TerminateEnvironment, made once: after a lost answer the environment's status says. */
final class Termination {
  private Termination() {}

  /**
   * Terminates the environment. The caller has decided on CNAMEs read once no swap was under way
   * ({@link dev.bluegreen.deploy.EnvironmentWaits#awaitSwapsSettled}).
   *
   * @return the request id, empty when the answer was lost but the environment is terminating
   */
  static String terminate(Context ctx, Log log, String name)
      throws StepFailure, InterruptedException {
    return ctx.change(
        "TerminateEnvironment " + name,
        log,
        () -> ctx.aws().terminate(name),
        () ->
            ctx.find(name).map(e -> e.isGone()).orElse(true) ? Optional.of("") : Optional.empty());
  }
}
