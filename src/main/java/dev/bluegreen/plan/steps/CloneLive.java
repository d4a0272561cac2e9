package dev.bluegreen.plan.steps;

import dev.bluegreen.beanstalk.BeanstalkException;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.plan.DeploymentRequest;
import dev.bluegreen.plan.Step;
import dev.bluegreen.plan.StepContext;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.StepOutcome;
import dev.bluegreen.plan.Tags;
import dev.bluegreen.plan.Undo;
import java.util.Map;
import java.util.Optional;

/**
 * Clone strategy: copies the live (permanent) environment into the temporary one, which becomes the
 * standby until the first swap. Undo terminates the clone, never while it holds production.
 */
public final class CloneLive implements Step {

  @Override
  public String id() {
    return "clone-live";
  }

  @Override
  public String title(StepContext ctx) {
    return "Copy " + ctx.request().blueEnvironment() + " into the temporary " + ctx.request().greenEnvironment();
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepFailure, InterruptedException {
    if (ctx.state().reuseClone()) {
      return StepOutcome.skipped("reusing " + ctx.request().greenEnvironment() + ", the clone of an earlier run");
    }
    DeploymentRequest r = ctx.request();
    Environment live = ctx.state().live();
    Map<String, String> tags = Tags.created(Tags.TEMPORARY, r.runId());
    tags.put(Tags.PRODUCTION_CNAME, ctx.state().productionCname());
    Environment clone = Clones.create(ctx, live, r.greenEnvironment(), null, tags);
    ctx.state().standby(clone);
    return StepOutcome.done("created " + clone.name() + " (" + clone.cname() + ") running " + clone.versionLabel());
  }

  @Override
  public Optional<Undo> undo(StepContext ctx) {
    return Optional.of(new TerminateClone(ctx.request().greenEnvironment()));
  }

  /** Terminates the clone if it exists and does not hold production, after the drain time if it just lost it. */
  static final class TerminateClone implements Undo {
    private final String name;

    TerminateClone(String name) {
      this.name = name;
    }

    @Override
    public String description() {
      return "terminate the temporary " + name;
    }

    @Override
    public String run(StepContext ctx) throws Exception {
      if (ctx.request().keepTemporary()) {
        return "kept " + name + " (keep-temporary: true)";
      }
      Optional<Environment> env = ctx.find(name);
      if (env.isEmpty() || env.get().isGone()) {
        return name + " does not exist";
      }
      if (dev.bluegreen.plan.Cnames.matches(env.get().cname(), ctx.state().productionCname())) {
        return "kept " + name + ": it holds the production CNAME";
      }
      if (!RetireStandby.drain(ctx, name)) {
        return "kept " + name + ": no time left to drain it before terminating (cancelled); run cleanup later";
      }
      try {
        ctx.aws().terminate(name);
      } catch (BeanstalkException e) {
        return "could not terminate " + name + ": " + e.getMessage() + "; run cleanup later";
      }
      return "terminating " + name;
    }
  }
}
