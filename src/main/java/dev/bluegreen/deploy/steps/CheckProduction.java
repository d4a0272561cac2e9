package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.EnvironmentWaits.Wait;
import dev.bluegreen.deploy.Production;
import dev.bluegreen.deploy.Roles;
import dev.bluegreen.health.HealthVerdict;
import dev.bluegreen.inputs.Inputs;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.StepFailure;
import java.time.Duration;
import java.util.List;

/**
 * Checks production after a swap: the environment now holding the production CNAME must be Ready
 * with an accepted health (no grace: production is at stake), pass the HTTP check on the production
 * CNAME, and still be healthy afterwards.
 */
public final class CheckProduction extends ContextStep<Void> {

  public CheckProduction(Context ctx, String id) {
    super(ctx, id);
  }

  @Override
  public String title() {
    return ctx.production()
        .names()
        .map(n -> "Check production (" + n.productionCname() + ") on " + n.live())
        .orElse("Check production");
  }

  @Override
  public boolean changes() {
    return false;
  }

  @Override
  public boolean runsInDryRun() {
    return false;
  }

  @Override
  public String plan() {
    return "would check production ("
        + ctx.production().names().map(Production.Names::productionCname).orElse("")
        + ") on "
        + ctx.production().names().map(Production.Names::live).orElse("the live environment")
        + ": Ready, "
        + String.join(" or ", ctx.request().get(Inputs.ACCEPTED_HEALTH))
        + ", and answering over HTTP";
  }

  @Override
  public Result<Void> run(Log log) throws StepFailure, InterruptedException {
    Roles roles = ctx.production().roles();
    Environment live = roles.live();
    Environment env =
        ctx.waits(log)
            .awaitHealthy(
                new Wait(
                    live.name(),
                    null,
                    live.versionLabel(),
                    ctx.clock().instant(),
                    "serve production healthily",
                    Duration.ZERO));
    HealthVerdict verdict =
        ctx.health().check(roles.productionCname(), ctx.request().healthCheck(), log);
    if (!verdict.healthy()) {
      throw new StepFailure(
          "production ("
              + roles.productionCname()
              + ", now "
              + live.name()
              + " with "
              + live.versionLabel()
              + ") failed its "
              + verdict.summary());
    }
    Environment after = ctx.require(live.name());
    if (!ctx.request().fit(after)) {
      throw new StepFailure(
          live.name() + " turned " + after.stateLine() + " while serving production");
    }
    ctx.production().refreshed(List.of(after));
    ctx.production().passed(after.versionLabel());
    return Result.done(
        after.name()
            + " serves production with "
            + after.versionLabel()
            + ", "
            + env.health()
            + "; "
            + verdict.summary());
  }
}
