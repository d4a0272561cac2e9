package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Cnames;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.Production;
import dev.bluegreen.inputs.Inputs;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.waiting.Durations;
import java.util.Optional;

/**
 * Terminates the environment that just lost production (the old live, or the clone), after {@code
 * drain-time}: clients that cached the old DNS answer keep reaching it until then. An environment
 * holding the production CNAME is never terminated.
 */
public final class RetireStandby extends ContextStep<Void> {

  public RetireStandby(Context ctx, String id) {
    super(ctx, id);
  }

  @Override
  public String title() {
    return "Terminate "
        + ctx.production().names().flatMap(Production.Names::standby).orElse("the standby")
        + " after "
        + Durations.format(ctx.request().get(Inputs.DRAIN_TIME))
        + " of draining";
  }

  @Override
  public Result<Void> run(Log log) throws StepFailure, InterruptedException {
    Environment target =
        ctx.production()
            .roles()
            .standby()
            .orElseThrow(() -> new StepFailure("there is no standby environment"));
    if (!Drain.await(ctx, log, target.name(), ctx.production().lostProductionAt(target.name()))) {
      throw new StepFailure(
          StepFailure.Kind.CANCELLED,
          "cancelled while " + target.name() + " was draining; it keeps running");
    }
    // Decided on CNAMEs read once no swap is under way: a swap may be completing.
    ctx.waits(log).awaitSwapsSettled(ctx.production().roles().names());
    Optional<Environment> now = ctx.find(target.name());
    if (now.isEmpty() || now.get().isGone()) {
      return Result.skipped(target.name() + " is already gone");
    }
    if (Cnames.matches(now.get().cname(), ctx.production().roles().productionCname())) {
      throw new StepFailure(target.name() + " holds the production CNAME; it is not terminated");
    }
    String requestId = Termination.terminate(ctx, log, target.name());
    log.info(
        "TerminateEnvironment "
            + target.name()
            + (requestId.isEmpty() ? "" : " (request " + requestId + ")"));
    return Result.done("terminating " + target.name());
  }
}
