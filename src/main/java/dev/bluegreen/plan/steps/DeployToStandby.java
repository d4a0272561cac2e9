package dev.bluegreen.plan.steps;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.plan.Cnames;
import dev.bluegreen.plan.EnvironmentWaits.Target;
import dev.bluegreen.plan.Step;
import dev.bluegreen.plan.StepContext;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.StepOutcome;
import dev.bluegreen.plan.Undo;
import java.time.Instant;
import java.util.Optional;

/**
 * Deploys the version to the standby and waits until it runs it, Ready and healthy. With {@code
 * restoreOnFailure} (clone strategy, where the standby is the permanent environment) the undo puts
 * the previous version back, so production can return to it.
 */
public final class DeployToStandby implements Step {

  private final boolean restoreOnFailure;

  public DeployToStandby(boolean restoreOnFailure) {
    this.restoreOnFailure = restoreOnFailure;
  }

  @Override
  public String id() {
    return "deploy-standby";
  }

  @Override
  public String title(StepContext ctx) {
    return "Deploy " + ctx.request().versionLabel() + " to the standby "
        + ctx.state().standby().map(Environment::name).orElse(EnsureStandby.standbyName(ctx));
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepFailure, InterruptedException {
    Environment standby = ctx.state().requireStandby();
    String label = ctx.request().versionLabel();
    if (label.equals(standby.versionLabel()) && standby.isReady()
        && ctx.request().acceptedHealth().contains(standby.health())) {
      return StepOutcome.skipped(standby.name() + " already runs " + label + " (" + standby.stateLine() + ")");
    }
    Instant started = ctx.clock().instant();
    String requestId = ctx.call(() -> ctx.aws().deploy(standby.name(), label));
    ctx.log().info("UpdateEnvironment " + standby.name() + " → " + label + " (request " + requestId + "); see "
        + ctx.consoleLink(standby));
    Environment after = ctx.waits().awaitHealthy(new Target(standby.name(), requestId, label, started, "run " + label
        + " healthily"));
    ctx.state().standby(after);
    return StepOutcome.done(after.name() + " runs " + label + ", " + after.stateLine());
  }

  @Override
  public Optional<Undo> undo(StepContext ctx) {
    if (!restoreOnFailure) {
      return Optional.empty();
    }
    String previous = ctx.state().previousVersion();
    return ctx.state().standby().map(standby -> new Undo() {
      @Override
      public String description() {
        return "put " + previous + " back on " + standby.name();
      }

      @Override
      public String run(StepContext c) throws Exception {
        Environment env = c.require(standby.name());
        if (Cnames.matches(env.cname(), c.state().productionCname())) {
          return standby.name() + " holds production; left as it is";
        }
        if (previous.equals(env.versionLabel()) && env.isReady()) {
          return standby.name() + " already runs " + previous;
        }
        if (!env.isReady()) {
          env = c.waits().awaitReady(new Target(env.name(), null, null, c.clock().instant(), "become Ready"));
          if (previous.equals(env.versionLabel())) {
            return standby.name() + " runs " + previous + " again (Elastic Beanstalk reverted the deployment)";
          }
        }
        Instant started = c.clock().instant();
        String requestId = c.aws().deploy(standby.name(), previous);
        Environment restored = c.waits().awaitHealthy(new Target(standby.name(), requestId, previous, started,
            "run " + previous + " again"));
        c.state().standby(restored);
        return "redeployed " + previous + " to " + standby.name();
      }
    });
  }
}
