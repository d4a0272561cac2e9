package dev.bluegreen.plan.steps;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.health.HealthVerdict;
import dev.bluegreen.plan.Deployment;
import dev.bluegreen.plan.EnvironmentWaits.Target;
import dev.bluegreen.plan.Step;
import dev.bluegreen.plan.StepContext;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.StepOutcome;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Checks production after a swap: the environment now holding the production CNAME must be Ready
 * with an accepted health (no grace: production is at stake), pass the HTTP check on the production
 * CNAME, and still be healthy afterwards.
 */
public final class CheckProduction implements Step {

  private final String id;
  private final Predicate<Deployment> when;

  public CheckProduction(String id) {
    this(id, d -> true);
  }

  public CheckProduction(String id, Predicate<Deployment> when) {
    this.id = id;
    this.when = when;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String title(StepContext ctx) {
    return "Check production (" + ctx.state().productionCname() + ") on " + nameOf(ctx.state().live());
  }

  @Override
  public boolean changesAws() {
    return false;
  }

  @Override
  public boolean runsInDryRun() {
    return false;
  }

  @Override
  public String plan(StepContext ctx) {
    return "would check production (" + ctx.state().productionCname() + ") after the swap";
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepFailure, InterruptedException {
    if (!when.test(ctx.state())) {
      return StepOutcome.skipped("not needed");
    }
    Environment live = ctx.state().live();
    Environment env = ctx.waits().awaitHealthy(new Target(live.name(), null, live.versionLabel(), ctx.clock().instant(),
        "serve production healthily", Duration.ZERO));
    HealthVerdict verdict = ctx.health().check(ctx.state().productionCname(), ctx.request().healthCheck(), ctx.log());
    if (!verdict.healthy()) {
      throw new StepFailure("production (" + ctx.state().productionCname() + ", now " + live.name() + " with "
          + live.versionLabel() + ") failed its " + verdict.summary());
    }
    Environment after = ctx.require(live.name());
    if (!after.isReady() || !ctx.request().acceptedHealth().contains(after.health())) {
      throw new StepFailure(live.name() + " turned " + after.stateLine() + " while serving production");
    }
    ctx.state().live(after);
    ctx.state().good(after.versionLabel());
    return StepOutcome.done(after.name() + " serves production with " + after.versionLabel() + ", " + env.health() + "; "
        + verdict.summary());
  }

  private static String nameOf(Environment env) {
    return env == null ? "?" : env.name();
  }
}
