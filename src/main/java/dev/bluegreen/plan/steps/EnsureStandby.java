package dev.bluegreen.plan.steps;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.plan.DeploymentRequest;
import dev.bluegreen.plan.Step;
import dev.bluegreen.plan.StepContext;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.StepOutcome;
import dev.bluegreen.plan.Tags;
import java.util.List;
import java.util.Optional;

/** Swap strategy: when the standby is missing (never made, or terminated), creates it as a copy of live. */
public final class EnsureStandby implements Step {

  @Override
  public String id() {
    return "ensure-standby";
  }

  @Override
  public String title(StepContext ctx) {
    return "Make sure the standby " + standbyName(ctx) + " exists";
  }

  @Override
  public String plan(StepContext ctx) {
    return ctx.state().standby().isPresent() ? "nothing to do: " + standbyName(ctx) + " exists"
        : "would create " + standbyName(ctx) + " as a copy of " + ctx.state().live().name();
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepFailure, InterruptedException {
    if (ctx.state().standby().isPresent()) {
      return StepOutcome.skipped(ctx.state().standby().get().name() + " exists");
    }
    Environment live = ctx.state().live();
    String name = standbyName(ctx);
    DeploymentRequest r = ctx.request();
    // Reuse the CNAME prefix the terminated standby had, so its URL stays the same.
    List<Environment> old = ctx.call(() -> ctx.aws().environments(r.application(), List.of(name)));
    String prefix = old.stream().map(e -> Clones.prefixOf(e.cname())).filter(p -> p != null).findFirst().orElse(null);
    Environment standby = Clones.create(ctx, live, name, prefix, Tags.created(Tags.STANDBY, r.runId()));
    ctx.state().standby(standby);
    return StepOutcome.done("created " + standby.name() + " (" + standby.cname() + ")");
  }

  static String standbyName(StepContext ctx) {
    DeploymentRequest r = ctx.request();
    Environment live = ctx.state().live();
    Optional<Environment> standby = ctx.state().standby();
    if (standby.isPresent()) {
      return standby.get().name();
    }
    return live != null && live.name().equals(r.blueEnvironment()) ? r.greenEnvironment() : r.blueEnvironment();
  }
}
