package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.CloneFindings;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.Topology;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.Slot;
import dev.bluegreen.plan.StepFailure;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Clone strategy: terminates an idle clone that an earlier run left (tagged as ours), and waits
 * until it is gone so that its name is free for the new clone.
 */
public final class RemoveLeftoverClone extends ContextStep<Void> {

  private final Topology.Clone topology;
  private final Slot<CloneFindings> found;

  public RemoveLeftoverClone(Context ctx, Topology.Clone topology, Slot<CloneFindings> found) {
    super(ctx, "remove-leftover-clone");
    this.topology = topology;
    this.found = found;
  }

  @Override
  public String title() {
    return "Remove the leftover clone " + topology.temporary();
  }

  @Override
  public String plan() {
    return found
        .ifFilled()
        .flatMap(CloneFindings::idleClone)
        .map(
            e ->
                "would terminate "
                    + e.name()
                    + " (left by an earlier run) and wait until it is gone")
        .orElse("nothing to do: no leftover clone");
  }

  @Override
  public Result<Void> run(Log log) throws StepFailure, InterruptedException {
    Environment leftover =
        found.get().idleClone().orElseThrow(() -> new StepFailure("there is no leftover clone"));
    // It may have lost production moments ago (a run killed after swapping back): drain from then.
    if (!Drain.await(ctx, log, leftover.name(), Optional.of(leftover.dateUpdated()))) {
      throw new StepFailure(
          StepFailure.Kind.CANCELLED, "cancelled while " + leftover.name() + " was draining");
    }
    Instant started = ctx.clock().instant();
    String requestId = null;
    if (!Environment.TERMINATING.equals(leftover.status())) {
      ctx.waits(log).awaitSwapsSettled(List.of(leftover.name()));
      if (SwapCnames.holdsProduction(ctx, leftover.name())) {
        throw new StepFailure(
            leftover.name()
                + " took the production CNAME meanwhile (a swap); it is not terminated");
      }
      String id = Termination.terminate(ctx, log, leftover.name());
      requestId = id.isEmpty() ? null : id;
    }
    ctx.waits(log).awaitTerminated(leftover.name(), requestId, started);
    return Result.done("terminated " + leftover.name());
  }
}
