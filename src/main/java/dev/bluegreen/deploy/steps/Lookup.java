package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.BeanstalkException;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.EnvironmentWaits.Wait;
import dev.bluegreen.deploy.Request;
import dev.bluegreen.deploy.Tags;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.waiting.Durations;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading the environments a run is about, for the resolving steps: one call, and the refusals
 * every strategy shares.
 */
final class Lookup {
  private final Context ctx;
  final List<Environment> found;

  private Lookup(Context ctx, List<Environment> found) {
    this.ctx = ctx;
    this.found = found;
  }

  /** Both environments of the topology; refuses an unknown application and Worker environments. */
  static Lookup of(Context ctx) throws StepFailure {
    Request r = ctx.request();
    List<String> names = r.topology().names();
    Lookup l = new Lookup(ctx, ctx.call(() -> ctx.aws().environments(r.application(), names)));
    if (names.stream().allMatch(n -> l.current(n).isEmpty())
        && !ctx.call(() -> ctx.aws().applicationExists(r.application()))) {
      throw StepFailure.usage(noApplication(r));
    }
    for (String name : names) {
      Optional<Environment> e = l.current(name);
      if (e.isPresent() && e.get().isWorker()) {
        throw StepFailure.usage(
            name
                + " is a Worker environment: it has no CNAME, so there is nothing to swap. "
                + "Blue-green deployments need WebServer environments; deploy a worker in place (UpdateEnvironment).");
      }
    }
    return l;
  }

  /**
   * An empty simulator answers like an account without the application; the endpoint override is
   * the clue that the simulator may just need seeding.
   */
  private static String noApplication(Request r) {
    String missing =
        "application-name: Elastic Beanstalk has no application named "
            + r.application()
            + " in "
            + r.region();
    return r.beanstalkEndpoint()
        .map(
            endpoint ->
                missing
                    + " at "
                    + endpoint
                    + ". If that is bluegreen simulate, it holds only what it was seeded with: "
                    + "start it with --seed "
                    + r.application()
                    + " (or --seed-file); otherwise check the name, aws-region and the endpoint.")
        .orElse(missing + ". Check the name and aws-region.");
  }

  /**
   * Who has an environment name, for a refusal that says it exists: names are unique in a region
   * across applications.
   */
  static String owner(Context ctx, String name) {
    try {
      return Environment.current(ctx.aws().environments(null, List.of(name)), name)
          .map(
              e ->
                  e.applicationName().equals(ctx.request().application())
                      ? name
                          + " belongs to this application but was not made by this run ("
                          + e.stateLine()
                          + "); another run may be making it."
                      : name
                          + " belongs to application "
                          + e.applicationName()
                          + "; environment names are unique in a region across applications: "
                          + "choose another name.")
          .orElse("");
    } catch (BeanstalkException e) {
      return "";
    }
  }

  Optional<Environment> current(String name) {
    return Environment.current(found, name);
  }

  boolean terminated(String name) {
    return found.stream().anyMatch(e -> e.name().equals(name) && e.isTerminated());
  }

  Map<String, String> tags(Environment env) throws StepFailure {
    return ctx.call(() -> ctx.aws().tags(env.arn()));
  }

  /**
   * Whether the clone carries the production CNAME it was made for (its tag): strategy clone
   * without production-cname.
   */
  boolean holdsProductionByTag(Environment clone) throws StepFailure {
    return clone.cname() != null
        && clone.cname().equalsIgnoreCase(tags(clone).get(Tags.PRODUCTION_CNAME));
  }

  /** The environment once it is Ready (waiting within wait-timeout while it is busy). */
  Environment ready(Environment env, Log log) throws StepFailure, InterruptedException {
    if (env.isReady()) {
      return env;
    }
    log.info(
        env.name()
            + " is "
            + env.status()
            + "; waiting for it to become Ready (at most "
            + Durations.format(ctx.request().get(dev.bluegreen.inputs.Inputs.WAIT_TIMEOUT))
            + ")");
    return ctx.waits(log)
        .awaitReady(new Wait(env.name(), null, null, ctx.clock().instant(), "become Ready"));
  }
}
