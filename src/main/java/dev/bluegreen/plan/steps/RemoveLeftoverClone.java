package dev.bluegreen.plan.steps;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.plan.Step;
import dev.bluegreen.plan.StepContext;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.StepOutcome;
import java.time.Instant;

/**
 * Clone strategy: terminates an idle clone that an earlier run left (tagged as ours), and waits until
 * it is gone so that its name is free for the new clone.
 */
public final class RemoveLeftoverClone implements Step {

  @Override
  public String id() {
    return "remove-leftover-clone";
  }

  @Override
  public String title(StepContext ctx) {
    return "Remove the leftover clone " + ctx.request().greenEnvironment();
  }

  @Override
  public String plan(StepContext ctx) {
    return ctx.state().leftoverClone().map(e -> "would terminate " + e.name() + " (left by an earlier run) and wait until it is gone")
        .orElse("nothing to do: no leftover clone");
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepFailure, InterruptedException {
    if (ctx.state().leftoverClone().isEmpty()) {
      return StepOutcome.skipped("no leftover clone");
    }
    Environment leftover = ctx.state().leftoverClone().get();
    // It may have lost production moments ago (a run killed after swapping back): drain from then.
    ctx.state().lostProductionAt(leftover.name(), leftover.dateUpdated());
    if (!RetireStandby.drain(ctx, leftover.name())) {
      throw new StepFailure(StepFailure.Kind.CANCELLED, "cancelled while " + leftover.name() + " was draining");
    }
    Instant started = ctx.clock().instant();
    String requestId = null;
    if (!Environment.TERMINATING.equals(leftover.status())) {
      requestId = ctx.call(() -> ctx.aws().terminate(leftover.name()));
    }
    ctx.waits().awaitTerminated(leftover.name(), requestId, started);
    ctx.state().leftoverClone(null);
    return StepOutcome.done("terminated " + leftover.name());
  }
}
