package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Cnames;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.EnvironmentWaits.Wait;
import dev.bluegreen.deploy.Production;
import dev.bluegreen.deploy.Roles;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.Undo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Deploys the version to the standby and waits until it runs it, Ready and healthy. With {@code
 * restoreOnFailure} (clone strategy, where the standby is the permanent environment) the undo puts
 * the previous version back, so production can return to it.
 */
public final class DeployToStandby extends ContextStep<Environment> {

  /** How often the standby may turn out busy again before the deployment is tried anyway. */
  private static final int MAX_BUSY_ROUNDS = 5;

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
    Environment standby = settledStandby(log);
    String label = ctx.request().versionLabel();
    if (label.equals(standby.versionLabel()) && ctx.request().fit(standby)) {
      return Result.skipped(
          standby.name() + " already runs " + label + " (" + standby.stateLine() + ")", standby);
    }
    Instant started = ctx.clock().instant();
    String requestId = deploy(ctx, log, standby.name(), label);
    log.info(
        "UpdateEnvironment "
            + standby.name()
            + " → "
            + label
            + (requestId.isEmpty() ? "" : " (request " + requestId + ")")
            + "; see "
            + ctx.consoleLink(standby));
    Environment after =
        ctx.waits(log)
            .awaitHealthy(
                new Wait(
                    standby.name(),
                    requestId.isEmpty() ? null : requestId,
                    label,
                    started,
                    "run " + label + " healthily"));
    ctx.production().refreshed(List.of(after));
    return Result.done(after.name() + " runs " + label + ", " + after.stateLine(), after);
  }

  /**
   * The standby, read again right before the deployment, once neither environment is busy: another
   * run may have been deploying to it or swapping it since the roles were resolved, and the
   * environment that holds production is never deployed to.
   */
  private Environment settledStandby(Log log) throws StepFailure, InterruptedException {
    for (int round = 0; ; round++) {
      Roles before = ctx.production().roles();
      ctx.waits(log).awaitSwapsSettled(before.names());
      ctx.refreshRoles();
      Roles roles = ctx.production().roles();
      Environment standby =
          roles.standby().orElseThrow(() -> new StepFailure("there is no standby environment"));
      if (!roles.live().name().equals(before.live().name())) {
        log.warning(
            roles.live().name()
                + " took "
                + roles.productionCname()
                + " while this run was going (another run swapped); "
                + standby.name()
                + " is the standby now");
      }
      if (standby.isReady() || round >= MAX_BUSY_ROUNDS) {
        return standby;
      }
      log.info(
          standby.name() + " is busy (" + standby.stateLine() + "); waiting until it is Ready");
      ctx.waits(log)
          .awaitReady(new Wait(standby.name(), null, null, ctx.clock().instant(), "become Ready"));
    }
  }

  /**
   * UpdateEnvironment; after a lost answer, the environment running {@code label} (it shows the
   * label from the start of the deployment) means the deployment is ours to wait for.
   *
   * @return the request id, empty when the answer was lost but the deployment started
   */
  static String deploy(Context ctx, Log log, String environment, String label)
      throws StepFailure, InterruptedException {
    return ctx.change(
        "UpdateEnvironment " + environment + " → " + label,
        log,
        () -> ctx.aws().deploy(environment, label),
        () -> ctx.find(environment).filter(e -> label.equals(e.versionLabel())).map(e -> ""));
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
      String requestId = deploy(ctx, log, name, previous);
      Environment restored =
          ctx.waits(log)
              .awaitHealthy(
                  new Wait(
                      name,
                      requestId.isEmpty() ? null : requestId,
                      previous,
                      started,
                      "run " + previous + " again"));
      ctx.production().refreshed(List.of(restored));
      return Outcome.reverted("redeployed " + previous + " to " + name);
    }
  }
}
