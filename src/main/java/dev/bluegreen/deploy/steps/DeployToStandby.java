package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Cnames;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.EnvironmentWaits.Wait;
import dev.bluegreen.deploy.Production;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.Undo;
import java.time.Instant;
import java.util.Optional;

/**
 * Deploys the version to the standby and waits until it runs it, Ready and healthy. With {@code
 * restoreOnFailure} (clone strategy, where the standby is the permanent environment) the undo puts
 * the previous version back, so production can return to it.
 */
public final class DeployToStandby extends ContextStep<Environment> {

  private final boolean restoreOnFailure;

  public DeployToStandby(Context ctx, boolean restoreOnFailure) {
    super(ctx, "deploy-standby");
    this.restoreOnFailure = restoreOnFailure;
  }

  @Override
  public String title() {
    return "Deploy "
        + ctx.request().versionLabel()
        + " to the standby "
        + ctx.production()
            .names()
            .flatMap(Production.Names::standby)
            .orElse("(none: it is made first)");
  }

  @Override
  public Result<Environment> run(Log log) throws StepFailure, InterruptedException {
    Environment standby =
        ctx.production()
            .roles()
            .standby()
            .orElseThrow(() -> new StepFailure("there is no standby environment"));
    String label = ctx.request().versionLabel();
    if (label.equals(standby.versionLabel()) && ctx.request().fit(standby)) {
      return Result.skipped(
          standby.name() + " already runs " + label + " (" + standby.stateLine() + ")", standby);
    }
    Instant started = ctx.clock().instant();
    String requestId = ctx.call(() -> ctx.aws().deploy(standby.name(), label));
    log.info(
        "UpdateEnvironment "
            + standby.name()
            + " → "
            + label
            + " (request "
            + requestId
            + "); see "
            + ctx.consoleLink(standby));
    Environment after =
        ctx.waits(log)
            .awaitHealthy(
                new Wait(standby.name(), requestId, label, started, "run " + label + " healthily"));
    ctx.production().refreshed(java.util.List.of(after));
    return Result.done(after.name() + " runs " + label + ", " + after.stateLine(), after);
  }

  @Override
  public Optional<Undo> undo() {
    if (!restoreOnFailure) {
      return Optional.empty();
    }
    String previous = ctx.production().previousVersion().orElseThrow();
    return ctx.production()
        .roles()
        .standby()
        .map(standby -> new RestorePrevious(ctx, standby.name(), previous));
  }

  /**
   * Puts the version production ran before the run back on an environment that does not hold
   * production.
   */
  static final class RestorePrevious implements Undo {
    private final Context ctx;
    private final String name;
    private final String previous;

    RestorePrevious(Context ctx, String name, String previous) {
      this.ctx = ctx;
      this.name = name;
      this.previous = previous;
    }

    @Override
    public String description() {
      return "put " + previous + " back on " + name;
    }

    @Override
    public Outcome run(Log log) throws Exception {
      Environment env = ctx.require(name);
      if (Cnames.matches(env.cname(), ctx.production().roles().productionCname())) {
        return Outcome.unchanged(name + " holds production; left as it is");
      }
      if (previous.equals(env.versionLabel()) && env.isReady()) {
        return Outcome.unchanged(name + " already runs " + previous);
      }
      if (!env.isReady()) {
        env =
            ctx.waits(log)
                .awaitReady(
                    new Wait(env.name(), null, null, ctx.clock().instant(), "become Ready"));
        if (previous.equals(env.versionLabel())) {
          return Outcome.unchanged(
              name + " runs " + previous + " again (Elastic Beanstalk reverted the deployment)");
        }
      }
      Instant started = ctx.clock().instant();
      String requestId = ctx.aws().deploy(name, previous);
      Environment restored =
          ctx.waits(log)
              .awaitHealthy(
                  new Wait(name, requestId, previous, started, "run " + previous + " again"));
      ctx.production().refreshed(java.util.List.of(restored));
      return Outcome.reverted("redeployed " + previous + " to " + name);
    }
  }
}
