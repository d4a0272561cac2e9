package dev.bluegreen.deploy.steps;

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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Swaps the CNAMEs of live and standby and waits for the swap to complete: the standby becomes
 * live. The undo, registered before the call, swaps back if the swap happened and the environment
 * that lost production is still fit to serve it (Ready, accepted health, a version known good).
 */
public final class SwapCnames extends ContextStep<Void> {

  /** Set once this run asks for the swap: the undo never reverts another run's swap. */
  private final AtomicBoolean asked = new AtomicBoolean();

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
    Roles before = ctx.production().roles();
    // Another run may have swapped since the roles were read, or be swapping: once no swap is
    // under way, they are read again if a swap's events are dated after the last reading.
    if (ctx.waits(log).awaitSwapsSettled(before.names(), ctx.production().readAt()).since()) {
      ctx.refreshRoles();
    }
    Roles roles = ctx.production().roles();
    Environment live = roles.live();
    Environment standby =
        roles.standby().orElseThrow(() -> new StepFailure("there is no standby environment"));
    if (!live.name().equals(before.live().name())) {
      ctx.overtaken(
          "swapped "
              + roles.productionCname()
              + " from "
              + before.live().name()
              + " to "
              + live.name());
      throw new StepFailure(
          live.name()
              + " took "
              + roles.productionCname()
              + " from "
              + before.live().name()
              + " while this run was going (another run swapped them); not swapping it back");
    }
    Instant started = ctx.clock().instant();
    asked.set(true);
    String requestId =
        swap(ctx, log, standby.name(), live.name(), "SwapEnvironmentCNAMEs " + standby.name());
    ctx.production().movedTo(standby.name(), ctx.clock().instant());
    log.info(
        "SwapEnvironmentCNAMEs "
            + standby.name()
            + " ⇄ "
            + live.name()
            + (requestId.isEmpty() ? "" : " (request " + requestId + ")"));
    if (!requestId.isEmpty()) {
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

  /**
   * Swaps so that {@code taker} gets production from {@code giver}, never twice: after an ambiguous
   * answer the CNAMEs, read once no swap is under way and again a poll interval later (events and
   * CNAMEs may lag the call), say whether it happened.
   *
   * @return the request id, empty when the answer was lost but the swap happened
   */
  static String swap(Context ctx, Log log, String taker, String giver, String what)
      throws StepFailure, InterruptedException {
    List<String> pair = List.of(taker, giver);
    return ctx.change(
        what,
        log,
        () -> ctx.aws().swapCnames(taker, giver),
        () -> {
          for (int look = 0; look < 2; look++) {
            if (look > 0) {
              ctx.sleeper().sleep(ctx.request().get(Inputs.POLL_INTERVAL));
            }
            ctx.waits(log).awaitSwapsSettled(pair);
            if (holdsProduction(ctx, taker)) {
              return Optional.of("");
            }
          }
          return Optional.empty();
        });
  }

  @Override
  public Optional<Undo> undo() {
    Optional<Roles> roles = ctx.production().current();
    if (roles.isEmpty() || roles.get().standby().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SwapBack(
            ctx, roles.get().live().name(), roles.get().standby().get().name(), asked::get));
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

    private final BooleanSupplier asked;

    SwapBack(Context ctx, String originalLive, String originalStandby, BooleanSupplier asked) {
      this.ctx = ctx;
      this.originalLive = originalLive;
      this.originalStandby = originalStandby;
      this.asked = asked;
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
      if (!asked.getAsBoolean()) {
        return Outcome.unchanged(
            "not swapped back: this run made no swap (production is where another run or a person "
                + "put it)");
      }
      // The decision is taken on CNAMEs read once no swap is under way (ours may be completing).
      try {
        ctx.waits(log).awaitSwapsSettled(List.of(originalLive, originalStandby));
      } catch (StepFailure e) {
        if (!ctx.cancellation().requested()) {
          throw e;
        }
        // After a cancel the seconds left go to putting production back, on the CNAMEs as read.
        log.warning("could not make sure that no swap is under way: " + e.getMessage());
      }
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
      String requestId =
          swap(ctx, log, originalLive, originalStandby, "SwapEnvironmentCNAMEs back");
      production.movedTo(originalLive, ctx.clock().instant());
      try {
        if (!requestId.isEmpty()) {
          ctx.waits(log).awaitSwap(requestId, started, originalLive);
        }
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
