package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.CloneFindings;
import dev.bluegreen.deploy.Cnames;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.Request;
import dev.bluegreen.deploy.Roles;
import dev.bluegreen.deploy.Tags;
import dev.bluegreen.deploy.Topology;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.StepFailure;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Strategy clone: finds the permanent environment and what an interrupted earlier run left under
 * the temporary environment's name (an idle clone of ours, or a clone that holds production). The
 * plan decides what to do about it; this step changes nothing.
 */
public final class ResolveClone extends ContextStep<CloneFindings> {

  private final Topology.Clone topology;

  public ResolveClone(Context ctx, Topology.Clone topology) {
    super(ctx, "resolve-environments");
    this.topology = topology;
  }

  @Override
  public String title() {
    return "Find "
        + ctx.request().application()
        + "'s permanent environment "
        + topology.permanent()
        + " and any clone "
        + topology.temporary()
        + " left by an earlier run";
  }

  @Override
  public boolean changes() {
    return false;
  }

  @Override
  public Result<CloneFindings> run(Log log) throws StepFailure, InterruptedException {
    Request r = ctx.request();
    Lookup lookup = Lookup.of(ctx);
    Optional<Environment> found = lookup.current(topology.permanent());
    if (found.isEmpty()) {
      throw StepFailure.usage(
          "blue-environment: "
              + topology.permanent()
              + " does not exist in application "
              + r.application()
              + ". With strategy clone it is the permanent environment that serves production.");
    }
    Environment permanent = found.get();
    Optional<Environment> clone = lookup.current(topology.temporary());
    boolean cloneIsLive =
        clone.isPresent()
            && (r.productionCname().isPresent()
                ? Cnames.matches(clone.get().cname(), r.productionCname().get())
                : lookup.holdsProductionByTag(clone.get()));
    if (r.command() == Command.DEPLOY && !cloneIsLive) {
      Clones.refuseManagedDatabase(ctx, permanent);
    }
    if (clone.isEmpty()) {
      if (r.productionCname().isPresent()
          && !Cnames.matches(permanent.cname(), r.productionCname().get())) {
        throw StepFailure.usage(
            "production-cname: "
                + r.productionCname().get()
                + " is not held by "
                + permanent.name()
                + " ("
                + permanent.cname()
                + ").");
      }
      Roles roles = resolved(lookup.ready(permanent, log), null);
      return Result.done(
          "live: "
              + permanent.name()
              + " ("
              + permanent.cname()
              + ", "
              + permanent.versionLabel()
              + ")",
          new CloneFindings(roles, Optional.empty(), false, true, List.of()));
    }
    Environment temporary = clone.get();
    Map<String, String> tags = lookup.tags(temporary);
    String run = tags.getOrDefault(Tags.RUN_ID, "?");
    if (!cloneIsLive) {
      if (!Tags.isOurs(tags)) {
        throw StepFailure.usage(
            "green-environment: "
                + temporary.name()
                + " already exists and was not created by this "
                + "tool. With strategy clone, green-environment names the temporary clone, which must not exist; choose another "
                + "name or remove "
                + temporary.name()
                + ".");
      }
      Roles roles = resolved(lookup.ready(permanent, log), null);
      return Result.done(
          "live: " + permanent.name() + "; leftover clone: " + temporary.name(),
          new CloneFindings(
              roles,
              clone,
              false,
              true,
              List.of(
                  "found "
                      + temporary.name()
                      + ", an idle clone left by run "
                      + run
                      + "; it is terminated before a new clone is made")));
    }
    if (!Tags.isOurs(tags)) {
      // Recovery moves production off the clone and later terminates it: never do that to an
      // environment this tool did not make (the other half of a swap pair, say).
      throw StepFailure.usage(
          "green-environment: "
              + temporary.name()
              + " holds the production CNAME ("
              + temporary.cname()
              + ") and was not created by this tool, so it is not the clone of an earlier run. With "
              + "strategy clone, green-environment names the temporary clone; to deploy to this pair use strategy swap, or "
              + "choose another green-environment.");
    }
    Environment cloneEnv = lookup.ready(temporary, log);
    permanent = lookup.ready(permanent, log);
    resolved(cloneEnv, permanent);
    boolean fit = ctx.request().fit(permanent);
    String note =
        cloneEnv.name()
            + " (the clone of run "
            + run
            + ") was serving production; "
            + (fit
                ? "production goes back to " + permanent.name() + " first"
                : permanent.name()
                    + " is not healthy, so the clone keeps serving while "
                    + permanent.name()
                    + " is deployed");
    return Result.done(
        "recovered: "
            + cloneEnv.name()
            + " holds production; "
            + permanent.name()
            + " is "
            + permanent.stateLine(),
        new CloneFindings(ctx.production().roles(), Optional.empty(), true, fit, List.of(note)));
  }

  private Roles resolved(Environment live, Environment standby) {
    Roles roles = new Roles(live, standby, live.cname());
    ctx.production().resolved(roles, ctx.clock().instant());
    return roles;
  }
}
