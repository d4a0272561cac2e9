package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Cnames;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.Request;
import dev.bluegreen.deploy.Roles;
import dev.bluegreen.deploy.Tags;
import dev.bluegreen.deploy.Topology;
import dev.bluegreen.inputs.Inputs;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.Undo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clone strategy: copies the live (permanent) environment into the temporary one, which becomes the
 * standby until the first swap. Undo terminates the clone, never while it holds production.
 */
public final class CloneLive extends ContextStep<Environment> {

  private final Topology.Clone topology;

  public CloneLive(Context ctx, Topology.Clone topology) {
    super(ctx, "clone-live");
    this.topology = topology;
  }

  @Override
  public String title() {
    return "Copy " + topology.permanent() + " into the temporary " + topology.temporary();
  }

  @Override
  public void assumeDone() {
    ctx.production().assumeStandby(topology.temporary());
  }

  @Override
  public Result<Environment> run(Log log) throws StepFailure, InterruptedException {
    Request r = ctx.request();
    Roles roles = ctx.production().roles();
    Map<String, String> tags = Tags.created(Tags.TEMPORARY, r.runId());
    tags.put(Tags.PRODUCTION_CNAME, roles.productionCname());
    Environment clone = Clones.create(ctx, log, roles.live(), topology.temporary(), null, tags);
    ctx.production().standbyCreated(clone);
    return Result.done(
        "created " + clone.name() + " (" + clone.cname() + ") running " + clone.versionLabel(),
        clone);
  }

  @Override
  public Optional<Undo> undo() {
    return Optional.of(new TerminateClone(ctx, topology.temporary()));
  }

  /**
   * Terminates the clone if it exists and does not hold production, after the drain time if it just
   * lost it.
   */
  static final class TerminateClone implements Undo {
    private final Context ctx;
    private final String name;

    TerminateClone(Context ctx, String name) {
      this.ctx = ctx;
      this.name = name;
    }

    @Override
    public String description() {
      return "terminate the temporary " + name;
    }

    @Override
    public Outcome run(Log log) throws Exception {
      if (ctx.request().get(Inputs.KEEP_TEMPORARY)) {
        return Outcome.unchanged("kept " + name + " (keep-temporary: true)");
      }
      Optional<Environment> env = ctx.find(name);
      if (env.isEmpty() || env.get().isGone()) {
        return Outcome.unchanged(name + " does not exist");
      }
      if (Cnames.matches(env.get().cname(), ctx.production().roles().productionCname())) {
        return Outcome.unchanged("kept " + name + ": it holds the production CNAME");
      }
      if (!Drain.await(ctx, log, name, ctx.production().lostProductionAt(name))) {
        return Outcome.unchanged(
            "kept "
                + name
                + ": no time left to drain it before terminating (cancelled); run cleanup "
                + "later");
      }
      ctx.waits(log).awaitSwapsSettled(List.of(name));
      if (SwapCnames.holdsProduction(ctx, name)) {
        return Outcome.unchanged("kept " + name + ": it took the production CNAME meanwhile");
      }
      try {
        Termination.terminate(ctx, log, name);
      } catch (StepFailure e) {
        return Outcome.unchanged(
            "could not terminate " + name + ": " + e.getMessage() + "; run cleanup later");
      }
      return Outcome.reverted("terminating " + name);
    }
  }
}
