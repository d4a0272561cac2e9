package dev.bluegreen.deploy;

import static dev.bluegreen.plan.Condition.unless;
import static dev.bluegreen.plan.Condition.when;
import static dev.bluegreen.plan.Plan.member;

import dev.bluegreen.deploy.steps.CheckProduction;
import dev.bluegreen.deploy.steps.CheckRollbackTarget;
import dev.bluegreen.deploy.steps.CheckStandby;
import dev.bluegreen.deploy.steps.CloneLive;
import dev.bluegreen.deploy.steps.CreateVersion;
import dev.bluegreen.deploy.steps.DeployToStandby;
import dev.bluegreen.deploy.steps.EnsureStandby;
import dev.bluegreen.deploy.steps.FindLeftovers;
import dev.bluegreen.deploy.steps.RemoveLeftoverClone;
import dev.bluegreen.deploy.steps.RemoveLeftovers;
import dev.bluegreen.deploy.steps.ResolveClone;
import dev.bluegreen.deploy.steps.ResolveEnvironments;
import dev.bluegreen.deploy.steps.ResolveVersion;
import dev.bluegreen.deploy.steps.RetireStandby;
import dev.bluegreen.deploy.steps.SwapCnames;
import dev.bluegreen.inputs.Inputs;
import dev.bluegreen.inputs.Result;
import dev.bluegreen.plan.Condition;
import dev.bluegreen.plan.Plan;
import dev.bluegreen.plan.Slot;
import java.util.List;

/**
 * Every procedure the tool runs, each as one list of named steps. Each line becomes one log group,
 * one summary row and one entry of the {@code steps} output. To change a procedure, edit its list.
 * A plan is named after the {@link Result} it ends with when every step succeeds.
 */
public final class Plans {
  private Plans() {}

  /** A plan and the results of it that the report needs. */
  public record Planned(
      Plan plan, Slot<? extends Resolution> resolution, Slot<Boolean> versionCreated) {}

  public static Planned forRequest(Context c) {
    Request r = c.request();
    return switch (r.command()) {
      case DEPLOY ->
          r.topology() instanceof Topology.Clone clone
              ? cloneDeploy(c, clone)
              : swapDeploy(c, (Topology.Pair) r.topology());
      case SWAP -> promote(c);
      case ROLLBACK -> rollback(c);
      case STATUS -> status(c);
      case CLEANUP -> cleanup(c);
    };
  }

  /** Persistent pair: deploy to the standby, test it, swap. */
  static Planned swapDeploy(Context c, Topology.Pair pair) {
    boolean promote = c.request().get(Inputs.PROMOTE);
    boolean retire = promote && c.request().get(Inputs.TERMINATE_STANDBY);
    Plan.Builder p = Plan.named((promote ? Result.PROMOTED : Result.DEPLOYED).value());
    // live = the holder of production-cname; waits while either environment is busy
    Slot<PairFindings> found = p.then(new ResolveEnvironments(c, true));
    // reuse, create or refuse the version label, before anything changes
    Slot<VersionSource> version = p.then(new ResolveVersion(c));
    CreateVersion create = new CreateVersion(c, version);
    p.together(new EnsureStandby(c, pair), create);
    // Ready, an accepted health colour, and the new label really running
    p.then(new DeployToStandby(c, false));
    // HTTP on the standby's own CNAME
    p.then(new CheckStandby(c));
    // undo: swap back
    p.thenIf(promote, new SwapCnames(c, "swap-cnames"));
    p.thenIf(promote, new CheckProduction(c, "check-production"));
    // after drain-time
    p.thenIf(retire, new RetireStandby(c, "terminate-old-live"));
    return new Planned(p.build(), found, p.slotOf(create));
  }

  /** Temporary clone: the clone serves production while the permanent environment is updated. */
  static Planned cloneDeploy(Context c, Topology.Clone clone) {
    Plan.Builder p = Plan.named(Result.PROMOTED.value());
    // also finds what an interrupted run left under the clone's name
    Slot<CloneFindings> found = p.then(new ResolveClone(c, clone));
    Slot<VersionSource> version = p.then(new ResolveVersion(c));
    // Recovery: an earlier run stopped after its first swap, so its clone serves production. When
    // the permanent environment is fit, production goes back to it first and the run starts over.
    Condition takeBack = when(found, CloneFindings::takesProductionBack, "nothing to recover");
    p.then(takeBack, new SwapCnames(c, "recover-production"));
    p.then(
        when(found, CloneFindings::takesProductionBack, "not needed"),
        new CheckProduction(c, "check-recovered"));
    p.then(
        when(found, f -> f.idleClone().isPresent(), "no leftover clone"),
        new RemoveLeftoverClone(c, clone, found));
    // the clone is made unless an earlier run's clone is reused; its undo terminates it
    Condition noClone =
        when(
            found,
            f -> !f.cloneHoldsProduction(),
            "reusing " + clone.temporary() + ", the clone of an earlier run");
    CreateVersion create = new CreateVersion(c, version);
    p.together(member(noClone, new CloneLive(c, clone)), member(Condition.always(), create));
    p.then(
        when(found, CloneFindings::permanentServes, "the clone already serves production"),
        new SwapCnames(c, "swap-to-clone"));
    p.then(new CheckProduction(c, "check-clone"));
    // the permanent environment; undo: its previous version back
    p.then(new DeployToStandby(c, true));
    p.then(new CheckStandby(c));
    p.then(new SwapCnames(c, "swap-back"));
    p.then(new CheckProduction(c, "check-production"));
    // after drain-time
    p.then(
        unless(c.request().get(Inputs.KEEP_TEMPORARY), "keep-temporary: true"),
        new RetireStandby(c, "terminate-clone"));
    return new Planned(p.build(), found, p.slotOf(create));
  }

  /** Promote the standby now (after {@code promote: false}). */
  static Planned promote(Context c) {
    Plan.Builder p = Plan.named(Result.SWAPPED.value());
    Slot<PairFindings> found = p.then(new ResolveEnvironments(c, true));
    p.then(new CheckStandby(c));
    p.then(new SwapCnames(c, "swap-cnames"));
    p.then(new CheckProduction(c, "check-production"));
    p.thenIf(c.request().get(Inputs.TERMINATE_STANDBY), new RetireStandby(c, "terminate-old-live"));
    return new Planned(p.build(), found, Slot.of(false));
  }

  /** Production back to the other environment, which must run the previous version. */
  static Planned rollback(Context c) {
    Plan.Builder p = Plan.named(Result.ROLLED_BACK.value());
    Slot<PairFindings> found = p.then(new ResolveEnvironments(c, true));
    p.then(new CheckRollbackTarget(c));
    p.then(new CheckStandby(c));
    p.then(new SwapCnames(c, "swap-cnames"));
    p.then(new CheckProduction(c, "check-production"));
    return new Planned(p.build(), found, Slot.of(false));
  }

  static Planned status(Context c) {
    Plan.Builder p = Plan.named(Result.STATUS.value());
    Slot<PairFindings> found = p.then(new ResolveEnvironments(c, false));
    return new Planned(p.build(), found, Slot.of(false));
  }

  static Planned cleanup(Context c) {
    Plan.Builder p = Plan.named(Result.CLEANED.value());
    p.then(new RemoveLeftovers(c, p.then(new FindLeftovers(c))));
    return new Planned(p.build(), Slot.of(() -> List.of()), Slot.of(false));
  }
}
