package dev.bluegreen.deploy;

import dev.bluegreen.beanstalk.ApplicationVersion;
import dev.bluegreen.beanstalk.BeanstalkEvent;
import dev.bluegreen.beanstalk.BeanstalkException;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.inputs.Result;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.PlanRunner;
import dev.bluegreen.plan.RunRecord;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.StepRecord;
import dev.bluegreen.plan.UndoRecord;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One request run to its end: the plan for the command, run by the {@link PlanRunner}, and the
 * conclusion drawn from what is true afterwards. After anything changed, the environments are read
 * again, so the report describes the real end state; after a failure, production is checked before
 * the outcome is decided.
 */
public final class Deployment {

  /** Events of the application shown in the summary of a failure. */
  private static final int LAST_EVENTS = 12;

  private final Context ctx;
  private final Log log;

  public Deployment(Context ctx, Log log) {
    this.ctx = ctx;
    this.log = log;
  }

  /**
   * Runs the plan of the request and reports how it ended.
   *
   * @param progress receives the report after every step, so outputs can be written as soon as
   *     known
   */
  public RunReport run(Consumer<RunReport> progress) {
    Plans.Planned planned = Plans.forRequest(ctx);
    PlanRunner runner =
        new PlanRunner(
            ctx.clock(),
            ctx.sleeper(),
            log,
            ctx.cancellation(),
            ctx.request().dryRun(),
            record -> progress.accept(report(record, planned, null, ctx.eventsSeen())));
    RunRecord record = runner.run(planned.plan());
    if (record.changed() || ctx.sawAmbiguity()) {
      try {
        if (ctx.sawAmbiguity() && ctx.production().current().isPresent()) {
          // An answer was lost on the way: the outputs name who holds production once no swap
          // is under way.
          ctx.waits(log).awaitSwapsSettled(ctx.production().roles().names());
        }
        ctx.refreshRoles();
      } catch (StepFailure e) {
        log.debug("could not read the environments at the end: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (record.failure() == null) {
      return report(
          record,
          planned,
          new Outcome.Succeeded(
              ctx.request().dryRun() ? Result.PLANNED : Result.of(record.plan()).orElseThrow()),
          ctx.eventsSeen());
    }
    return report(
        record, planned, conclude(record), applicationEvents(record).orElse(ctx.eventsSeen()));
  }

  /**
   * Refused when nothing was done; overtaken when another run changed the environments; otherwise
   * failed or needing a person, as production is now.
   */
  Outcome conclude(RunRecord record) {
    if (record.failure().cause().kind() == StepFailure.Kind.USAGE && record.undone().isEmpty()) {
      return new Outcome.Refused();
    }
    boolean undoFailed =
        record.undone().stream().anyMatch(u -> u.status() == StepRecord.Status.FAILED);
    boolean rolledBack =
        record.undone().stream()
            .anyMatch(
                u ->
                    u.reverted()
                        && u.undo() instanceof dev.bluegreen.deploy.steps.SwapCnames.SwapBack);
    Optional<Roles> roles = ctx.production().current();
    if (roles.isEmpty()) {
      return new Outcome.Failed(rolledBack); // nothing was resolved, so nothing was touched
    }
    List<Environment> pair;
    try {
      pair = ctx.aws().environments(ctx.request().application(), ctx.request().topology().names());
    } catch (BeanstalkException e) {
      log.error("could not check production after the failure: " + e.getMessage());
      return new Outcome.NeedsPerson(rolledBack);
    }
    Optional<Environment> holder = holder(pair, roles.get().productionCname());
    if (undoFailed || holder.isEmpty() || !productionHealthy(holder.get())) {
      return new Outcome.NeedsPerson(rolledBack);
    }
    Optional<String> overtaken = ctx.overtakenBy().or(() -> foreignDeployment(pair));
    if (overtaken.isPresent()) {
      return new Outcome.Overtaken(overtaken.get(), ourOrNewer(holder.get().versionLabel()));
    }
    return new Outcome.Failed(rolledBack);
  }

  private Optional<Environment> holder(List<Environment> pair, String production) {
    Optional<Environment> holder =
        pair.stream()
            .filter(e -> !e.isTerminated() && Cnames.matches(e.cname(), production))
            .findFirst();
    if (holder.isEmpty()) {
      log.error("no environment holds the production CNAME " + production);
    }
    return holder;
  }

  /** After a failure: is production on a Ready environment with an accepted health? */
  private boolean productionHealthy(Environment e) {
    boolean healthy = ctx.request().fit(e);
    if (!healthy) {
      log.error(
          "production ("
              + ctx.production().roles().productionCname()
              + ") is on "
              + e.name()
              + ", which is "
              + e.stateLine());
    }
    return healthy;
  }

  /**
   * A version on an environment of the pair that neither this run nor the start of it put there:
   * another run's deployment.
   */
  private Optional<String> foreignDeployment(List<Environment> pair) {
    if (ctx.request().command() != dev.bluegreen.inputs.Command.DEPLOY) {
      return Optional.empty();
    }
    java.util.Set<String> known = new java.util.HashSet<>();
    known.add(ctx.request().versionLabel());
    ctx.production()
        .before()
        .ifPresent(
            b -> {
              known.add(b.live().versionLabel());
              b.standby().ifPresent(s -> known.add(s.versionLabel()));
            });
    return pair.stream()
        .filter(e -> !e.isTerminated() && e.versionLabel() != null)
        .filter(e -> !known.contains(e.versionLabel()))
        .findFirst()
        .map(e -> "deployed " + e.versionLabel() + " to " + e.name());
  }

  /** Whether production runs this run's version, or one created after it. */
  private boolean ourOrNewer(String label) {
    String ours = ctx.request().versionLabel();
    if (ours == null || ours.equals(label)) {
      return ours != null;
    }
    try {
      Optional<ApplicationVersion> mine = ctx.aws().version(ctx.request().application(), ours);
      Optional<ApplicationVersion> theirs = ctx.aws().version(ctx.request().application(), label);
      return mine.isPresent()
          && theirs.isPresent()
          && theirs.get().created().isAfter(mine.get().created());
    } catch (BeanstalkException e) {
      return false;
    }
  }

  /**
   * The application's latest events (all environments, all requests), for the summary of a failure.
   */
  private Optional<List<BeanstalkEvent>> applicationEvents(RunRecord record) {
    try {
      return Optional.of(
          ctx.aws()
              .events(
                  ctx.request().application(), null, null, record.started().minusSeconds(60), 100));
    } catch (BeanstalkException e) {
      return Optional.empty();
    }
  }

  private RunReport report(
      RunRecord r, Plans.Planned planned, Outcome outcome, List<BeanstalkEvent> events) {
    Production p = ctx.production();
    Optional<Roles> before = p.before();
    Optional<Roles> now = p.current();
    List<BeanstalkEvent> last =
        events.size() <= LAST_EVENTS
            ? events
            : events.subList(events.size() - LAST_EVENTS, events.size());
    List<UndoRecord> undone = r.undone();
    return new RunReport(
        ctx.request(),
        r.started(),
        r.ended(),
        r.steps(),
        undone,
        before.map(Roles::live).orElse(null),
        before.flatMap(Roles::standby).orElse(null),
        now.map(Roles::live).orElse(null),
        now.flatMap(Roles::standby).orElse(null),
        now.map(Roles::productionCname).orElse(null),
        p.previousVersion().orElse(null),
        planned.versionCreated().ifFilled().orElse(false),
        planned.resolution().ifFilled().map(Resolution::recovered).orElse(List.of()),
        List.copyOf(last),
        r.failure() == null ? null : r.failure().cause().getMessage(),
        r.failure() == null ? null : r.failure().stepId(),
        outcome);
  }
}
