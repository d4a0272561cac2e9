package dev.bluegreen.plan.steps;

import dev.bluegreen.beanstalk.BeanstalkException;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.health.HealthVerdict;
import dev.bluegreen.plan.Cnames;
import dev.bluegreen.plan.Deployment;
import dev.bluegreen.plan.Step;
import dev.bluegreen.plan.StepContext;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.StepOutcome;
import dev.bluegreen.plan.Undo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Swaps the CNAMEs of live and standby and waits for the swap to complete: the standby becomes
 * live. The undo, registered before the call, swaps back if the swap happened and the environment
 * that lost production is still fit to serve it (Ready, accepted health, a version that passed).
 */
public final class SwapCnames implements Step {

  private final String id;
  private final Predicate<Deployment> when;
  private final String skipReason;

  public SwapCnames(String id) {
    this(id, d -> true, null);
  }

  public SwapCnames(String id, Predicate<Deployment> when, String skipReason) {
    this.id = id;
    this.when = when;
    this.skipReason = skipReason;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String title(StepContext ctx) {
    Deployment s = ctx.state();
    return "Swap CNAMEs: " + s.standby().map(Environment::name).orElse("standby") + " takes "
        + s.productionCname() + " from " + (s.live() == null ? "live" : s.live().name());
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepFailure, InterruptedException {
    Deployment s = ctx.state();
    if (!when.test(s)) {
      return StepOutcome.skipped(skipReason);
    }
    Environment live = s.live();
    Environment standby = s.requireStandby();
    Instant started = ctx.clock().instant();
    String requestId;
    try {
      requestId = ctx.aws().swapCnames(standby.name(), live.name());
    } catch (BeanstalkException e) {
      // The call is not retried after an ambiguous failure; the CNAMEs tell whether it happened.
      if (!e.isTransient() || !holdsProduction(ctx, standby.name())) {
        throw new StepFailure(StepFailure.Kind.FAILED, e.getMessage(), e);
      }
      ctx.log().warning("SwapEnvironmentCNAMEs reported " + e.getMessage() + ", but the CNAMEs were swapped");
      requestId = null;
    }
    s.swapRoles(ctx.clock().instant());
    ctx.log().info("SwapEnvironmentCNAMEs " + standby.name() + " ⇄ " + live.name() + (requestId == null ? ""
        : " (request " + requestId + ")"));
    if (requestId != null) {
      ctx.waits().awaitSwap(requestId, started, standby.name());
    }
    ctx.refreshRoles();
    return StepOutcome.done(standby.name() + " now holds " + s.productionCname() + " (" + live.name()
        + " has the standby CNAME)");
  }

  @Override
  public Optional<Undo> undo(StepContext ctx) {
    Deployment s = ctx.state();
    if (!when.test(s) || s.live() == null || s.standby().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SwapBack(s.live().name(), s.standby().get().name()));
  }

  static boolean holdsProduction(StepContext ctx, String name) throws StepFailure {
    return ctx.find(name).map(e -> Cnames.matches(e.cname(), ctx.state().productionCname())).orElse(false);
  }

  /** Puts production back on the environment that had it before the swap. */
  static final class SwapBack implements Undo {
    private final String originalLive;
    private final String originalStandby;

    SwapBack(String originalLive, String originalStandby) {
      this.originalLive = originalLive;
      this.originalStandby = originalStandby;
    }

    @Override
    public String description() {
      return "swap back: production to " + originalLive;
    }

    @Override
    public boolean swapsBack() {
      return true;
    }

    @Override
    public String run(StepContext ctx) throws Exception {
      Deployment s = ctx.state();
      Environment back = ctx.require(originalLive);
      Environment now = ctx.require(originalStandby);
      String production = s.productionCname();
      if (Cnames.matches(back.cname(), production)) {
        s.roles(back, now);
        return "production is on " + originalLive + "; nothing to swap back";
      }
      boolean fit = back.isReady() && ctx.request().acceptedHealth().contains(back.health()) && s.isGood(back.versionLabel());
      if (!fit) {
        return "not swapped back: " + originalLive + " is " + back.stateLine() + " with " + back.versionLabel()
            + (s.isGood(back.versionLabel()) ? "" : ", a version that did not pass its checks") + "; production stays on "
            + originalStandby;
      }
      Instant started = ctx.clock().instant();
      String requestId = ctx.aws().swapCnames(originalLive, originalStandby);
      s.live(now);
      s.standby(back);
      s.swapRoles(ctx.clock().instant());
      try {
        ctx.waits().awaitSwap(requestId, started, originalLive);
      } catch (StepFailure e) {
        // After a cancel there are seconds left, not minutes: the CNAMEs tell whether it happened.
        if (ctx.cancellation().requested() && holdsProduction(ctx, originalLive)) {
          ctx.refreshRoles();
          return "swapped back: " + originalLive + " holds " + production + " again (cancelled before the swap's "
              + "completion event; check the environments' events)";
        }
        throw e;
      }
      ctx.refreshRoles();
      if (ctx.cancellation().requested()) {
        return "swapped back: " + originalLive + " (" + back.versionLabel() + ") serves " + production + " again";
      }
      HealthVerdict verdict = ctx.health().check(production, ctx.request().healthCheck(), ctx.log());
      return "swapped back: " + originalLive + " (" + back.versionLabel() + ") serves " + production + " again; "
          + (verdict.healthy() ? verdict.summary() : "but " + verdict.summary());
    }
  }
}
