package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.BeanstalkException;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Cnames;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.Production;
import dev.bluegreen.deploy.Roles;
import dev.bluegreen.health.HealthVerdict;
import dev.bluegreen.inputs.Inputs;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.Undo;
import java.time.Instant;
import java.util.Optional;

/**
 * Swaps the CNAMEs of live and standby and waits for the swap to complete: the standby becomes
 * live. The undo, registered before the call, swaps back if the swap happened and the environment
 * that lost production is still fit to serve it (Ready, accepted health, a version known good).
 */
public final class SwapCnames extends ContextStep<Void> {

  public SwapCnames(Context ctx, String id) {
    super(ctx, id);
  }

  @Override
  public String title() {
    Optional<Production.Names> names = ctx.production().names();
    return "Swap CNAMEs: "
        + names.flatMap(Production.Names::standby).orElse("the standby")
        + " takes "
        + names.map(Production.Names::productionCname).orElse("production")
        + " from "
        + names.map(Production.Names::live).orElse("the live environment");
  }

  @Override
  public void assumeDone() {
    ctx.production().assumeSwapped();
  }

  @Override
  public Result<Void> run(Log log) throws StepFailure, InterruptedException {
    Roles roles = ctx.production().roles();
    Environment live = roles.live();
    Environment standby =
        roles.standby().orElseThrow(() -> new StepFailure("there is no standby environment"));
    Instant started = ctx.clock().instant();
    String requestId;
    try {
      requestId = ctx.aws().swapCnames(standby.name(), live.name());
    } catch (BeanstalkException e) {
      // The call is not retried after an ambiguous failure; the CNAMEs tell whether it happened.
      if (!e.isTransient() || !holdsProduction(ctx, standby.name())) {
        throw new StepFailure(StepFailure.Kind.FAILED, e.getMessage(), e);
      }
      log.warning(
          "SwapEnvironmentCNAMEs reported " + e.getMessage() + ", but the CNAMEs were swapped");
      requestId = null;
    }
    ctx.production().movedTo(standby.name(), ctx.clock().instant());
    log.info(
        "SwapEnvironmentCNAMEs "
            + standby.name()
            + " ⇄ "
            + live.name()
            + (requestId == null ? "" : " (request " + requestId + ")"));
    if (requestId != null) {
      ctx.waits(log).awaitSwap(requestId, started, standby.name());
    }
    ctx.refreshRoles();
    return Result.done(
        standby.name()
            + " now holds "
            + roles.productionCname()
            + " ("
            + live.name()
            + " has the standby CNAME)");
  }

  @Override
  public Optional<Undo> undo() {
    Optional<Roles> roles = ctx.production().current();
    if (roles.isEmpty() || roles.get().standby().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SwapBack(ctx, roles.get().live().name(), roles.get().standby().get().name()));
  }

  static boolean holdsProduction(Context ctx, String name) throws StepFailure {
    return ctx.find(name)
        .map(e -> Cnames.matches(e.cname(), ctx.production().roles().productionCname()))
        .orElse(false);
  }

  /** Puts production back on the environment that had it before the swap. */
  public static final class SwapBack implements Undo {
    private final Context ctx;
    private final String originalLive;
    private final String originalStandby;

    SwapBack(Context ctx, String originalLive, String originalStandby) {
      this.ctx = ctx;
      this.originalLive = originalLive;
      this.originalStandby = originalStandby;
    }

    @Override
    public String description() {
      return "swap back: production to " + originalLive;
    }

    @Override
    public Outcome run(Log log) throws Exception {
      if (!ctx.request().get(Inputs.ROLLBACK_ON_FAILURE)) {
        log.warning("not swapping back: rollback-on-failure is false");
        return Outcome.skipped("rollback-on-failure: false");
      }
      Production production = ctx.production();
      Environment back = ctx.require(originalLive);
      ctx.require(originalStandby);
      String cname = production.roles().productionCname();
      if (Cnames.matches(back.cname(), cname)) {
        production.movedTo(originalLive, ctx.clock().instant());
        ctx.refreshRoles();
        return Outcome.unchanged("production is on " + originalLive + "; nothing to swap back");
      }
      if (!ctx.request().fit(back) || !production.isGood(back.versionLabel())) {
        return Outcome.unchanged(
            "not swapped back: "
                + originalLive
                + " is "
                + back.stateLine()
                + " with "
                + back.versionLabel()
                + (production.isGood(back.versionLabel())
                    ? ""
                    : ", a version that did not pass its checks")
                + "; production stays on "
                + originalStandby);
      }
      Instant started = ctx.clock().instant();
      String requestId = ctx.aws().swapCnames(originalLive, originalStandby);
      production.movedTo(originalLive, ctx.clock().instant());
      try {
        ctx.waits(log).awaitSwap(requestId, started, originalLive);
      } catch (StepFailure e) {
        // After a cancel there are seconds left, not minutes: the CNAMEs tell whether it happened.
        if (ctx.cancellation().requested() && holdsProduction(ctx, originalLive)) {
          ctx.refreshRoles();
          return Outcome.reverted(
              "swapped back: "
                  + originalLive
                  + " holds "
                  + cname
                  + " again (cancelled before the "
                  + "swap's completion event; check the environments' events)");
        }
        throw e;
      }
      ctx.refreshRoles();
      if (ctx.cancellation().requested()) {
        return Outcome.reverted(
            "swapped back: "
                + originalLive
                + " ("
                + back.versionLabel()
                + ") serves "
                + cname
                + " again");
      }
      HealthVerdict verdict = ctx.health().check(cname, ctx.request().healthCheck(), log);
      return Outcome.reverted(
          "swapped back: "
              + originalLive
              + " ("
              + back.versionLabel()
              + ") serves "
              + cname
              + " again; "
              + (verdict.healthy() ? verdict.summary() : "but " + verdict.summary()));
    }
  }
}
