package dev.bluegreen.plan.steps;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.health.HealthVerdict;
import dev.bluegreen.plan.Command;
import dev.bluegreen.plan.Step;
import dev.bluegreen.plan.StepContext;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.StepOutcome;

/** HTTP health check of the standby on its own CNAME, after checking that Elastic Beanstalk calls it healthy. */
public final class CheckStandby implements Step {

  @Override
  public String id() {
    return "check-standby";
  }

  @Override
  public String title(StepContext ctx) {
    return "Health-check the standby " + ctx.state().standby().map(Environment::name).orElse("") + " over HTTP";
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
    return "would health-check the standby " + ctx.state().standby().map(e -> e.name() + " at " + e.cname()).orElse("once it exists");
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepFailure, InterruptedException {
    Environment standby = ctx.state().requireStandby();
    String expected = ctx.request().versionLabel();
    if (ctx.request().command() == Command.SWAP && expected != null && !expected.equals(standby.versionLabel())) {
      throw StepFailure.usage("version-label: the standby " + standby.name() + " runs " + standby.versionLabel() + ", not "
          + expected + "; another deployment may have replaced it. Nothing was swapped.");
    }
    if (!standby.isReady() || !ctx.request().acceptedHealth().contains(standby.health())) {
      throw new StepFailure(standby.name() + " is " + standby.stateLine() + "; it must be Ready with health "
          + String.join(" or ", ctx.request().acceptedHealth()) + " before it can take production");
    }
    HealthVerdict verdict = ctx.health().check(standby.cname(), ctx.request().healthCheck(), ctx.log());
    if (!verdict.healthy()) {
      throw new StepFailure(standby.name() + " (" + standby.versionLabel() + ") failed its " + verdict.summary()
          + "; production was not touched");
    }
    ctx.state().good(standby.versionLabel());
    return StepOutcome.done(verdict.summary());
  }
}
