package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.Production;
import dev.bluegreen.deploy.Roles;
import dev.bluegreen.health.HealthVerdict;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.inputs.Inputs;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.StepFailure;

/**
 * HTTP health check of the standby on its own CNAME, after checking that Elastic Beanstalk calls it
 * healthy.
 */
public final class CheckStandby extends ContextStep<Void> {

  public CheckStandby(Context ctx) {
    super(ctx, "check-standby");
  }

  @Override
  public String title() {
    return "Health-check the standby " + standbyName() + " over HTTP";
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
    String name = standbyName();
    if (name.isEmpty()) {
      return "would health-check the standby once it exists";
    }
    // In a dry run the standby may be one only by assumption (a clone's permanent environment
    // after the planned swap): its CNAME then is not the one it has now.
    return "would health-check the standby "
        + name
        + ctx.production()
            .current()
            .flatMap(Roles::standby)
            .filter(e -> e.name().equals(name))
            .map(e -> " at " + e.cname())
            .orElse(" over HTTP on the CNAME it has by then");
  }

  @Override
  public Result<Void> run(Log log) throws StepFailure, InterruptedException {
    Environment standby =
        ctx.production()
            .roles()
            .standby()
            .orElseThrow(() -> new StepFailure("there is no standby environment"));
    String expected = ctx.request().versionLabel();
    if (ctx.request().command() == Command.SWAP
        && expected != null
        && !expected.equals(standby.versionLabel())) {
      throw StepFailure.usage(
          "version-label: the standby "
              + standby.name()
              + " runs "
              + standby.versionLabel()
              + ", not "
              + expected
              + "; another deployment may have replaced it. Nothing was swapped.");
    }
    if (!ctx.request().fit(standby)) {
      throw new StepFailure(
          standby.name()
              + " is "
              + standby.stateLine()
              + "; it must be Ready with health "
              + String.join(" or ", ctx.request().get(Inputs.ACCEPTED_HEALTH))
              + " before it can take production");
    }
    HealthVerdict verdict = ctx.health().check(standby.cname(), ctx.request().healthCheck(), log);
    if (!verdict.healthy()) {
      throw new StepFailure(
          standby.name()
              + " ("
              + standby.versionLabel()
              + ") failed its "
              + verdict.summary()
              + "; production was not touched");
    }
    ctx.production().passed(standby.versionLabel());
    return Result.done(verdict.summary());
  }

  private String standbyName() {
    return ctx.production().names().flatMap(Production.Names::standby).orElse("");
  }
}
