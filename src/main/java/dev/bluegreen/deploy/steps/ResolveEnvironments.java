package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.BeanstalkException;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Cnames;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.PairFindings;
import dev.bluegreen.deploy.Request;
import dev.bluegreen.deploy.Roles;
import dev.bluegreen.deploy.Topology;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.StepFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds which environment of the pair is live (holds the production CNAME) and which is standby,
 * from Elastic Beanstalk itself. Waits (within wait-timeout) for environments that are busy, unless
 * it only reports (status). For strategy clone it reports the permanent environment as live unless
 * the clone holds production by its tag. Changes nothing.
 */
public final class ResolveEnvironments extends ContextStep<PairFindings> {

  private final boolean waitForReady;

  /**
   * @param waitForReady false for {@code status}, which reports whatever it finds
   */
  public ResolveEnvironments(Context ctx, boolean waitForReady) {
    super(ctx, "resolve-environments");
    this.waitForReady = waitForReady;
  }

  @Override
  public String title() {
    Request r = ctx.request();
    return "Find the live and standby environments of "
        + r.application()
        + " ("
        + String.join(", ", r.topology().names())
        + ")";
  }

  @Override
  public boolean changes() {
    return false;
  }

  /** How often the environments may turn out busy again before the roles are taken as read. */
  private static final int MAX_BUSY_ROUNDS = 5;

  @Override
  public Result<PairFindings> run(Log log) throws StepFailure, InterruptedException {
    Request r = ctx.request();
    Lookup lookup = Lookup.of(ctx);
    // A busy environment (another run deploying, say) is waited for, then everything is read
    // again: who holds production may have changed meanwhile.
    for (int round = 0; waitForReady && round < MAX_BUSY_ROUNDS; round++) {
      List<Environment> present = new ArrayList<>();
      for (String name : r.topology().names()) {
        lookup.current(name).ifPresent(present::add);
      }
      List<Environment> busy = present.stream().filter(e -> !e.isReady()).toList();
      // A swap under way shows only in events; the steps that act read the roles again once no
      // swap is under way, so it is not looked for here.
      if (busy.isEmpty()) {
        break;
      }
      for (Environment e : busy) {
        lookup.ready(e, log);
      }
      lookup = Lookup.of(ctx);
    }
    List<String> names = r.topology().names();
    Optional<Environment> first = lookup.current(names.get(0));
    Optional<Environment> second = lookup.current(names.get(1));
    Optional<Environment> live = live(lookup, first, second);
    if (live.isEmpty()) {
      if (first.isEmpty() && second.isEmpty()) {
        throw StepFailure.usage(
            "Neither "
                + names.get(0)
                + " nor "
                + names.get(1)
                + " exists in application "
                + r.application()
                + ". Create one environment serving "
                + r.productionCname().orElse("production")
                + " first; the tool creates the other.");
      }
      throw StepFailure.usage(
          "production-cname: "
              + r.productionCname().orElse("")
              + " is held by neither environment: "
              + describeCname(names.get(0), first)
              + "; "
              + describeCname(names.get(1), second)
              + ". "
              + holderOutsideThePair(r.productionCname().orElse("")));
    }
    Environment liveEnv = live.get();
    String standbyName = liveEnv.name().equals(names.get(0)) ? names.get(1) : names.get(0);
    Optional<Environment> standby = liveEnv.name().equals(names.get(0)) ? second : first;
    if (waitForReady) {
      liveEnv = lookup.ready(liveEnv, log);
      if (standby.isPresent()) {
        standby = Optional.of(lookup.ready(standby.get(), log));
      }
    }
    Roles roles = new Roles(liveEnv, standby.orElse(null), liveEnv.cname());
    ctx.production().resolved(roles, ctx.clock().instant());
    List<String> recovered = new ArrayList<>();
    if (standby.isEmpty() && r.command() == Command.DEPLOY) {
      Clones.refuseManagedDatabase(ctx, liveEnv);
      if (lookup.terminated(standbyName)) {
        recovered.add(
            "standby "
                + standbyName
                + " had been terminated; it is created again as a clone of "
                + liveEnv.name());
      }
    }
    Environment l = liveEnv;
    return Result.done(
        "live: "
            + l.name()
            + " ("
            + l.cname()
            + ", "
            + l.versionLabel()
            + ", "
            + l.health()
            + "); standby: "
            + standby
                .map(e -> e.name() + " (" + e.versionLabel() + ", " + e.health() + ")")
                .orElse(standbyName + " (missing)"),
        new PairFindings(roles, List.copyOf(recovered)));
  }

  private Optional<Environment> live(
      Lookup lookup, Optional<Environment> first, Optional<Environment> second) throws StepFailure {
    Optional<String> production = ctx.request().productionCname();
    if (production.isPresent()) {
      return List.of(first, second).stream()
          .flatMap(Optional::stream)
          .filter(e -> Cnames.matches(e.cname(), production.get()))
          .findFirst();
    }
    // Strategy clone (status): the permanent environment is live unless the clone holds production.
    if (ctx.request().topology() instanceof Topology.Clone
        && first.isPresent()
        && second.isPresent()
        && lookup.holdsProductionByTag(second.get())) {
      return second;
    }
    return first;
  }

  /**
   * Names the environment outside the pair that holds the production CNAME, and how to bring it in;
   * without one, the CNAME is not what users reach.
   */
  private String holderOutsideThePair(String production) {
    Request r = ctx.request();
    List<Environment> all;
    try {
      all = ctx.aws().environments(null);
    } catch (BeanstalkException e) {
      all = List.of();
    }
    Optional<Environment> holder =
        all.stream()
            .filter(e -> !e.isTerminated() && Cnames.matches(e.cname(), production))
            .findFirst();
    if (holder.isEmpty()) {
      return "Set production-cname to the CNAME your users reach.";
    }
    Environment h = holder.get();
    boolean sameApplication = h.applicationName().equals(r.application());
    return "It is held by "
        + h.name()
        + (sameApplication ? ", of this application" : ", of application " + h.applicationName())
        + ", which is not one of the pair. To deploy behind it, "
        + (sameApplication ? "" : "set application-name: " + h.applicationName() + " and ")
        + "name "
        + h.name()
        + " as blue-environment or green-environment.";
  }

  private static String describeCname(String name, Optional<Environment> env) {
    return env.map(e -> name + " has " + e.cname()).orElse(name + " does not exist");
  }
}
