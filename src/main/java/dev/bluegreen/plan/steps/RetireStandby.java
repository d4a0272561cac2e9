package dev.bluegreen.plan.steps;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.plan.Cnames;
import dev.bluegreen.plan.Step;
import dev.bluegreen.plan.StepContext;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.StepOutcome;
import dev.bluegreen.plan.Strategy;
import dev.bluegreen.waiting.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Terminates the environment that just lost production (the old live, or the clone), after {@code
 * drain-time}: clients that cached the old DNS answer keep reaching it until then. An environment
 * holding the production CNAME is never terminated.
 */
public final class RetireStandby implements Step {

  private final String id;

  public RetireStandby(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String title(StepContext ctx) {
    return "Terminate " + ctx.state().standby().map(Environment::name).orElse("the standby") + " after "
        + Durations.format(ctx.request().drainTime()) + " of draining";
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepFailure, InterruptedException {
    Environment target = ctx.state().requireStandby();
    boolean temporary = ctx.request().strategy() == Strategy.CLONE && target.name().equals(ctx.request().greenEnvironment());
    if (temporary && ctx.request().keepTemporary()) {
      return StepOutcome.skipped("keep-temporary: true");
    }
    if (!drain(ctx, target.name())) {
      throw new StepFailure(StepFailure.Kind.CANCELLED, "cancelled while " + target.name() + " was draining; it keeps running");
    }
    Optional<Environment> now = ctx.find(target.name());
    if (now.isEmpty() || now.get().isGone()) {
      return StepOutcome.skipped(target.name() + " is already gone");
    }
    if (Cnames.matches(now.get().cname(), ctx.state().productionCname())) {
      throw new StepFailure(target.name() + " holds the production CNAME; it is not terminated");
    }
    String requestId = ctx.call(() -> ctx.aws().terminate(target.name()));
    ctx.log().info("TerminateEnvironment " + target.name() + " (request " + requestId + ")");
    return StepOutcome.done("terminating " + target.name());
  }

  /**
   * Sleeps until the environment has drained. False when a cancellation leaves too little time;
   * true at once for an environment that never held production in this run.
   */
  static boolean drain(StepContext ctx, String environment) throws InterruptedException {
    Optional<Instant> lost = ctx.state().lostProductionAt(environment);
    if (lost.isEmpty()) {
      return true;
    }
    Duration left = Duration.between(ctx.clock().instant(), lost.get().plus(ctx.request().drainTime()));
    if (left.isNegative() || left.isZero()) {
      return true;
    }
    if (left.compareTo(ctx.cancellation().remaining(ctx.clock())) > 0) {
      return false;
    }
    ctx.log().info("waiting " + Durations.format(left) + " for DNS caches to let go of " + environment + " (drain-time)");
    ctx.sleeper().sleep(left);
    return true;
  }
}
