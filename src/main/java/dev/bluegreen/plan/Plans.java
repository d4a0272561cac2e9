package dev.bluegreen.plan;

import dev.bluegreen.plan.steps.CheckProduction;
import dev.bluegreen.plan.steps.CheckRollbackTarget;
import dev.bluegreen.plan.steps.CheckStandby;
import dev.bluegreen.plan.steps.CloneLive;
import dev.bluegreen.plan.steps.CreateVersion;
import dev.bluegreen.plan.steps.DeployToStandby;
import dev.bluegreen.plan.steps.EnsureStandby;
import dev.bluegreen.plan.steps.FindLeftovers;
import dev.bluegreen.plan.steps.RemoveLeftoverClone;
import dev.bluegreen.plan.steps.RemoveLeftovers;
import dev.bluegreen.plan.steps.ResolveEnvironments;
import dev.bluegreen.plan.steps.ResolveVersion;
import dev.bluegreen.plan.steps.RetireStandby;
import dev.bluegreen.plan.steps.SwapCnames;

/**
 * Every procedure the tool runs, each as one list of named steps. Each line becomes one log group,
 * one summary row and one entry of the {@code steps} output. To change a procedure, edit its list.
 */
public final class Plans {
  private Plans() {}

  public static DeploymentPlan forRequest(DeploymentRequest r) {
    return switch (r.command()) {
      case DEPLOY -> r.strategy() == Strategy.SWAP ? swapDeploy(r) : cloneDeploy();
      case SWAP -> promote(r);
      case ROLLBACK -> rollback();
      case STATUS -> status();
      case CLEANUP -> cleanup();
    };
  }

  /** Persistent pair: deploy to the standby, test it, swap. */
  static DeploymentPlan swapDeploy(DeploymentRequest r) {
    return DeploymentPlan.named(r.promote() ? "promoted" : "deployed")
        .then(new ResolveEnvironments(true))     // live = holder of production-cname; waits while busy
        .then(new ResolveVersion())              // reuse, create, or refuse the label: before any change
        .then(Parallel.of(new EnsureStandby(), new CreateVersion()))
        .then(new DeployToStandby(false))        // Ready + accepted health + the label really running
        .then(new CheckStandby())                // HTTP on the standby's own CNAME
        .thenIf(r.promote(), new SwapCnames("swap-cnames"))               // undo: swap back
        .thenIf(r.promote(), new CheckProduction("check-production"))
        .thenIf(r.promote() && r.terminateStandby(), new RetireStandby("terminate-old-live"))  // after drain-time
        .build();
  }

  /** Temporary clone: the clone serves production while the permanent environment is updated. */
  static DeploymentPlan cloneDeploy() {
    return DeploymentPlan.named("deployed")
        .then(new ResolveEnvironments(true))     // also finds what an interrupted run left
        .then(new ResolveVersion())
        .then(new SwapCnames("recover-production", Deployment::recoverProduction, "nothing to recover"))
        .then(new CheckProduction("check-recovered", Deployment::recoverProduction))
        .then(new RemoveLeftoverClone())
        .then(Parallel.of(new CloneLive(), new CreateVersion()))   // undo: terminate the clone
        .then(new SwapCnames("swap-to-clone", Plans::permanentIsLive, "the clone already serves production"))
        .then(new CheckProduction("check-clone"))
        .then(new DeployToStandby(true))         // the permanent environment; undo: previous version back
        .then(new CheckStandby())
        .then(new SwapCnames("swap-back"))
        .then(new CheckProduction("check-production"))
        .then(new RetireStandby("terminate-clone"))  // after drain-time, unless keep-temporary
        .build();
  }

  /** Promote the standby now (after {@code promote: false}). */
  static DeploymentPlan promote(DeploymentRequest r) {
    return DeploymentPlan.named("swapped")
        .then(new ResolveEnvironments(true))
        .then(new CheckStandby())
        .then(new SwapCnames("swap-cnames"))
        .then(new CheckProduction("check-production"))
        .thenIf(r.terminateStandby(), new RetireStandby("terminate-old-live"))
        .build();
  }

  /** Production back to the other environment, which must run the previous version. */
  static DeploymentPlan rollback() {
    return DeploymentPlan.named("rolled-back")
        .then(new ResolveEnvironments(true))
        .then(new CheckRollbackTarget())
        .then(new CheckStandby())
        .then(new SwapCnames("swap-cnames"))
        .then(new CheckProduction("check-production"))
        .build();
  }

  static DeploymentPlan status() {
    return DeploymentPlan.named("status").then(new ResolveEnvironments(false)).build();
  }

  static DeploymentPlan cleanup() {
    return DeploymentPlan.named("cleaned").then(new FindLeftovers()).then(new RemoveLeftovers()).build();
  }

  private static boolean permanentIsLive(Deployment d) {
    return !d.reuseClone() || d.recoverProduction();
  }
}
