package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.Request;
import dev.bluegreen.deploy.Roles;
import dev.bluegreen.deploy.Tags;
import dev.bluegreen.deploy.Topology;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.StepFailure;
import java.util.List;
import java.util.Objects;

/**
 * Swap strategy: when the standby is missing (never made, or terminated), creates it as a copy of
 * live.
 */
public final class EnsureStandby extends ContextStep<Environment> {

  private final Topology.Pair pair;

  public EnsureStandby(Context ctx, Topology.Pair pair) {
    super(ctx, "ensure-standby");
    this.pair = pair;
  }

  @Override
  public String title() {
    return "Make sure the standby " + standbyName() + " exists";
  }

  @Override
  public String plan() {
    Roles roles = ctx.production().roles();
    return roles.standby().isPresent()
        ? "nothing to do: " + standbyName() + " exists"
        : "would create " + standbyName() + " as a copy of " + roles.live().name();
  }

  @Override
  public Result<Environment> run(Log log) throws StepFailure, InterruptedException {
    Roles roles = ctx.production().roles();
    if (roles.standby().isPresent()) {
      return Result.skipped(roles.standby().get().name() + " exists", roles.standby().get());
    }
    Request r = ctx.request();
    String name = standbyName();
    // Reuse the CNAME prefix the terminated standby had, so its URL stays the same.
    List<Environment> old = ctx.call(() -> ctx.aws().environments(r.application(), List.of(name)));
    String prefix =
        old.stream()
            .map(e -> Clones.prefixOf(e.cname()))
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
    Environment standby =
        Clones.create(ctx, log, roles.live(), name, prefix, Tags.created(Tags.STANDBY, r.runId()));
    ctx.production().standbyCreated(standby);
    return Result.done("created " + standby.name() + " (" + standby.cname() + ")", standby);
  }

  @Override
  public void assumeDone() {
    ctx.production().assumeStandby(standbyName());
  }

  private String standbyName() {
    return ctx.production()
        .current()
        .map(r -> r.standby().map(Environment::name).orElse(pair.other(r.live().name())))
        .orElse(pair.first());
  }
}
