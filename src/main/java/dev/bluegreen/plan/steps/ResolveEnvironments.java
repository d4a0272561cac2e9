package dev.bluegreen.plan.steps;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.plan.Cnames;
import dev.bluegreen.plan.Command;
import dev.bluegreen.plan.Deployment;
import dev.bluegreen.plan.DeploymentRequest;
import dev.bluegreen.plan.EnvironmentWaits.Target;
import dev.bluegreen.plan.Step;
import dev.bluegreen.plan.StepContext;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.StepOutcome;
import dev.bluegreen.plan.Strategy;
import dev.bluegreen.plan.Tags;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds which environment is live (holds the production CNAME) and which is standby, from Elastic
 * Beanstalk itself, and what an interrupted earlier run left behind. Waits (within
 * {@code wait-timeout}) for environments that are busy. Changes nothing.
 */
public final class ResolveEnvironments implements Step {

  private final boolean waitForReady;

  /** @param waitForReady false for {@code status}, which reports whatever it finds */
  public ResolveEnvironments(boolean waitForReady) {
    this.waitForReady = waitForReady;
  }

  @Override
  public String id() {
    return "resolve-environments";
  }

  @Override
  public String title(StepContext ctx) {
    DeploymentRequest r = ctx.request();
    return "Find the live and standby environments of " + r.application() + " (" + r.blueEnvironment() + ", "
        + r.greenEnvironment() + ")";
  }

  @Override
  public boolean changesAws() {
    return false;
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepFailure, InterruptedException {
    DeploymentRequest r = ctx.request();
    List<Environment> found = ctx.call(() -> ctx.aws().environments(r.application(), List.of(r.blueEnvironment(),
        r.greenEnvironment())));
    Optional<Environment> blue = current(found, r.blueEnvironment());
    Optional<Environment> green = current(found, r.greenEnvironment());
    if (blue.isEmpty() && green.isEmpty() && !ctx.call(() -> ctx.aws().applicationExists(r.application()))) {
      throw StepFailure.usage("application-name: Elastic Beanstalk has no application named " + r.application() + " in "
          + r.region() + ". Check the name and aws-region.");
    }
    for (Environment e : List.of(blue, green).stream().flatMap(Optional::stream).toList()) {
      if (e.isWorker()) {
        throw StepFailure.usage(e.name() + " is a Worker environment: it has no CNAME, so there is nothing to swap. "
            + "Blue-green deployments need WebServer environments; deploy a worker in place (UpdateEnvironment).");
      }
    }
    return r.strategy() == Strategy.CLONE && r.command() != Command.STATUS
        ? resolveClone(ctx, blue, green) : resolvePair(ctx, found, blue, green);
  }

  private StepOutcome resolvePair(StepContext ctx, List<Environment> found, Optional<Environment> blue,
      Optional<Environment> green) throws StepFailure, InterruptedException {
    DeploymentRequest r = ctx.request();
    String production = r.productionCname();
    Optional<Environment> live;
    if (production == null) {
      // clone strategy status: the permanent environment is live unless the clone holds production
      live = blue;
      if (green.isPresent() && blue.isPresent() && holdsProductionByTag(ctx, green.get())) {
        live = green;
      }
    } else {
      live = List.of(blue, green).stream().flatMap(Optional::stream).filter(e -> Cnames.matches(e.cname(), production))
          .findFirst();
    }
    if (live.isEmpty()) {
      if (blue.isEmpty() && green.isEmpty()) {
        throw StepFailure.usage("Neither " + r.blueEnvironment() + " nor " + r.greenEnvironment() + " exists in application "
            + r.application() + ". Create one environment serving " + production + " first; the tool creates the other.");
      }
      throw StepFailure.usage("production-cname: " + production + " is held by neither environment: "
          + describeCname(r.blueEnvironment(), blue) + "; " + describeCname(r.greenEnvironment(), green)
          + ". Set production-cname to the CNAME your users reach.");
    }
    Environment liveEnv = live.get();
    Optional<Environment> standby = liveEnv.name().equals(r.blueEnvironment()) ? green : blue;
    if (waitForReady) {
      liveEnv = awaitReady(ctx, liveEnv);
      if (standby.isPresent()) {
        standby = Optional.of(awaitReady(ctx, standby.get()));
      }
    }
    Deployment s = ctx.state();
    s.roles(liveEnv, standby.orElse(null));
    s.productionCname(liveEnv.cname());
    s.previousVersion(liveEnv.versionLabel());
    String standbyName = liveEnv.name().equals(r.blueEnvironment()) ? r.greenEnvironment() : r.blueEnvironment();
    if (standby.isEmpty() && r.command() == Command.DEPLOY) {
      Clones.refuseManagedDatabase(ctx, liveEnv);
    }
    if (standby.isEmpty()) {
      boolean terminated = found.stream().anyMatch(e -> e.name().equals(standbyName) && e.isTerminated());
      if (terminated && r.command() == Command.DEPLOY) {
        s.recovered("standby " + standbyName + " had been terminated; it is created again as a clone of " + liveEnv.name());
      }
    }
    return StepOutcome.done("live: " + liveEnv.name() + " (" + liveEnv.cname() + ", " + liveEnv.versionLabel() + ", "
        + liveEnv.health() + "); standby: " + standby.map(e -> e.name() + " (" + e.versionLabel() + ", " + e.health() + ")")
        .orElse(standbyName + " (missing)"));
  }

  private StepOutcome resolveClone(StepContext ctx, Optional<Environment> blue, Optional<Environment> green)
      throws StepFailure, InterruptedException {
    DeploymentRequest r = ctx.request();
    if (blue.isEmpty()) {
      throw StepFailure.usage("blue-environment: " + r.blueEnvironment() + " does not exist in application " + r.application()
          + ". With strategy clone it is the permanent environment that serves production.");
    }
    Environment permanent = blue.get();
    Deployment s = ctx.state();
    if (r.command() == Command.DEPLOY && !(green.isPresent() && cloneHoldsProduction(ctx, green.get()))) {
      Clones.refuseManagedDatabase(ctx, permanent);
    }
    if (green.isEmpty()) {
      if (r.productionCname() != null && !Cnames.matches(permanent.cname(), r.productionCname())) {
        throw StepFailure.usage("production-cname: " + r.productionCname() + " is not held by " + permanent.name() + " ("
            + permanent.cname() + ").");
      }
      permanent = waitForReady ? awaitReady(ctx, permanent) : permanent;
      s.roles(permanent, null);
      s.productionCname(permanent.cname());
      s.previousVersion(permanent.versionLabel());
      return StepOutcome.done("live: " + permanent.name() + " (" + permanent.cname() + ", " + permanent.versionLabel() + ")");
    }
    Environment clone = green.get();
    Map<String, String> tags = ctx.call(() -> ctx.aws().tags(clone.arn()));
    boolean ours = Tags.isOurs(tags);
    boolean cloneIsLive = r.productionCname() != null ? Cnames.matches(clone.cname(), r.productionCname())
        : clone.cname() != null && clone.cname().equalsIgnoreCase(tags.get(Tags.PRODUCTION_CNAME));
    if (!cloneIsLive) {
      if (!ours) {
        throw StepFailure.usage("green-environment: " + clone.name() + " already exists and was not created by this tool. "
            + "With strategy clone, green-environment names the temporary clone, which must not exist; choose another name "
            + "or remove " + clone.name() + ".");
      }
      permanent = waitForReady ? awaitReady(ctx, permanent) : permanent;
      s.roles(permanent, null);
      s.productionCname(permanent.cname());
      s.previousVersion(permanent.versionLabel());
      s.leftoverClone(clone);
      s.recovered("found " + clone.name() + ", an idle clone left by run " + tags.getOrDefault(Tags.RUN_ID, "?")
          + "; it is terminated before a new clone is made");
      return StepOutcome.done("live: " + permanent.name() + "; leftover clone: " + clone.name());
    }
    // An earlier run stopped after its first swap: the clone serves production.
    Environment cloneEnv = waitForReady ? awaitReady(ctx, clone) : clone;
    permanent = waitForReady ? awaitReady(ctx, permanent) : permanent;
    s.roles(cloneEnv, permanent);
    s.productionCname(cloneEnv.cname());
    s.previousVersion(cloneEnv.versionLabel());
    s.reuseClone(true);
    boolean permanentFine = permanent.isReady() && r.acceptedHealth().contains(permanent.health());
    s.recoverProduction(permanentFine);
    s.recovered(cloneEnv.name() + " (the clone of run " + tags.getOrDefault(Tags.RUN_ID, "?") + ") was serving production; "
        + (permanentFine ? "production goes back to " + permanent.name() + " first" : permanent.name()
            + " is not healthy, so the clone keeps serving while " + permanent.name() + " is deployed"));
    return StepOutcome.done("recovered: " + cloneEnv.name() + " holds production; " + permanent.name() + " is "
        + permanent.stateLine());
  }

  private static boolean cloneHoldsProduction(StepContext ctx, Environment clone) throws StepFailure {
    String production = ctx.request().productionCname();
    return production != null ? Cnames.matches(clone.cname(), production) : holdsProductionByTag(ctx, clone);
  }

  private static boolean holdsProductionByTag(StepContext ctx, Environment clone) throws StepFailure {
    Map<String, String> tags = ctx.call(() -> ctx.aws().tags(clone.arn()));
    return clone.cname() != null && clone.cname().equalsIgnoreCase(tags.get(Tags.PRODUCTION_CNAME));
  }

  private static Environment awaitReady(StepContext ctx, Environment env) throws StepFailure, InterruptedException {
    if (env.isReady()) {
      return env;
    }
    ctx.log().info(env.name() + " is " + env.status() + "; waiting for it to become Ready (at most "
        + dev.bluegreen.waiting.Durations.format(ctx.request().waitTimeout()) + ")");
    return ctx.waits().awaitReady(new Target(env.name(), null, null, ctx.clock().instant(), "become Ready"));
  }

  private static Optional<Environment> current(List<Environment> found, String name) {
    return found.stream().filter(e -> e.name().equals(name) && !e.isTerminated()).findFirst();
  }

  private static String describeCname(String name, Optional<Environment> env) {
    return env.map(e -> name + " has " + e.cname()).orElse(name + " does not exist");
  }
}
