package dev.bluegreen.plan;

import dev.bluegreen.beanstalk.BeanstalkEvent;
import dev.bluegreen.beanstalk.BeanstalkException;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.log.Log;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs a plan: one log group per step, timing and recording, undo registration before each step,
 * and on failure or cancellation the rollback (undos in reverse order, each recorded, a failing
 * undo does not stop the next). It never throws: the report says how the run ended.
 */
public final class PlanRunner {

  /** Exit codes of the contract. */
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int NEEDS_PERSON = 3;

  private record Registered(String stepId, Undo undo) {}

  private record Failure(String stepId, StepFailure failure) {}

  private final StepContext ctx;
  private final Consumer<RunReport> progress;
  private final List<StepRecord> records = new ArrayList<>();
  private final List<UndoRecord> undone = new ArrayList<>();
  private final Deque<Registered> undos = new ArrayDeque<>();
  private Instant started;
  private List<BeanstalkEvent> lastEvents;
  private volatile boolean changedSomething;

  /** @param progress receives the report after every step, so outputs can be written as soon as known */
  public PlanRunner(StepContext ctx, Consumer<RunReport> progress) {
    this.ctx = ctx;
    this.progress = progress;
  }

  public RunReport run(DeploymentPlan plan) {
    started = ctx.clock().instant();
    Failure failure = null;
    List<Step> steps = plan.steps();
    int index = 0;
    for (; index < steps.size(); index++) {
      if (ctx.cancellation().requested()) {
        failure = new Failure(steps.get(index).id(), new StepFailure(StepFailure.Kind.CANCELLED,
            "cancelled (" + ctx.cancellation().reason() + ") before this step started"));
        break;
      }
      Step step = steps.get(index);
      failure = step instanceof Parallel p ? runParallel(p) : runInGroup(step);
      progress.accept(report(null, null, false));
      if (failure != null) {
        index++;
        break;
      }
    }
    for (; index < steps.size(); index++) {
      for (Step s : flatten(steps.get(index))) {
        if (records.stream().noneMatch(r -> r.id().equals(s.id()))) {
          records.add(new StepRecord(s.id(), safeTitle(s), StepRecord.NOT_RUN, null, Duration.ZERO, null));
        }
      }
    }
    if (failure == null) {
      return finish(plan, null);
    }
    ctx.log().error(failure.stepId() + ": " + failure.failure().getMessage());
    if (failure.failure().kind() != StepFailure.Kind.USAGE || !undos.isEmpty()) {
      rollBack();
    }
    return finish(plan, failure);
  }

  private Failure runInGroup(Step step) {
    try (Log.Section ignored = ctx.log().group(step.id() + ": " + safeTitle(step))) {
      return runStep(step, ctx);
    }
  }

  private Failure runParallel(Parallel parallel) {
    try (Log.Section ignored = ctx.log().group(parallel.id() + " (in parallel)")) {
      List<Callable<Failure>> tasks = new ArrayList<>();
      for (Step child : parallel.steps()) {
        StepContext childCtx = ctx.withLog(new PrefixedLog(ctx.log(), "[" + child.id() + "] "));
        tasks.add(() -> runStep(child, childCtx));
      }
      List<Failure> results;
      try {
        results = ctx.sleeper().runConcurrently(tasks);
      } catch (InterruptedException e) {
        return new Failure(parallel.id(), cancelled());
      } catch (Exception e) {
        return new Failure(parallel.id(), new StepFailure(StepFailure.Kind.FAILED, "unexpected error: " + e, e));
      }
      return results.stream().filter(f -> f != null).findFirst().orElse(null);
    }
  }

  /** Runs one step with its undo registered first; returns the failure, or null. */
  private Failure runStep(Step step, StepContext c) {
    String title = safeTitle(step);
    Instant t0 = c.clock().instant();
    if (c.request().dryRun() && !step.runsInDryRun()) {
      String plan = step.plan(c);
      c.log().info("dry-run: " + plan);
      record(new StepRecord(step.id(), title, StepRecord.PLANNED, t0, Duration.ZERO, plan));
      return null;
    }
    step.undo(c).ifPresent(u -> register(step.id(), u));
    if (step.changesAws()) {
      changedSomething = true;
    }
    try {
      StepOutcome outcome = step.run(c);
      Duration took = Duration.between(t0, c.clock().instant());
      record(new StepRecord(step.id(), title, outcome.skipped() ? StepRecord.SKIPPED : StepRecord.SUCCEEDED, t0, took,
          outcome.detail()));
      c.log().info((outcome.skipped() ? "skipped: " : "done in " + dev.bluegreen.waiting.Durations.format(took) + ": ")
          + outcome.detail());
      return null;
    } catch (StepFailure f) {
      return failed(c, step, title, t0, f);
    } catch (InterruptedException e) {
      return failed(c, step, title, t0, cancelled());
    } catch (BeanstalkException e) {
      return failed(c, step, title, t0, new StepFailure(StepFailure.Kind.FAILED, e.getMessage(), e));
    } catch (RuntimeException e) {
      c.log().debug(stackTrace(e));
      return failed(c, step, title, t0, new StepFailure(StepFailure.Kind.FAILED, "unexpected error in " + step.id() + ": " + e, e));
    }
  }

  private Failure failed(StepContext c, Step step, String title, Instant t0, StepFailure failure) {
    StepFailure f = failure;
    if (c.cancellation().requested() && f.kind() != StepFailure.Kind.CANCELLED) {
      // An interrupted call fails in its own words (a half-read response); the cause is the cancel.
      f = new StepFailure(StepFailure.Kind.CANCELLED, "cancelled (" + c.cancellation().reason() + ") during " + step.id()
          + "; the call in flight was abandoned: " + f.getMessage(), f);
    }
    record(new StepRecord(step.id(), title, StepRecord.FAILED, t0, Duration.between(t0, c.clock().instant()), f.getMessage()));
    return new Failure(step.id(), f);
  }

  private StepFailure cancelled() {
    return new StepFailure(StepFailure.Kind.CANCELLED, "cancelled (" + Optional.ofNullable(ctx.cancellation().reason())
        .orElse("interrupted") + ")");
  }

  private void rollBack() {
    // Undos must run even after a cancellation interrupted the step: clear the flag, keep the deadline.
    Thread.interrupted();
    while (!undos.isEmpty()) {
      Registered r = undos.pop();
      Undo undo = r.undo();
      Instant t0 = ctx.clock().instant();
      try (Log.Section ignored = ctx.log().group("rollback " + r.stepId() + ": " + undo.description())) {
        if (undo.swapsBack() && !ctx.request().rollbackOnFailure()) {
          ctx.log().warning("not swapping back: rollback-on-failure is false");
          undone.add(new UndoRecord(r.stepId(), undo.description(), StepRecord.SKIPPED, Duration.ZERO,
              "rollback-on-failure: false"));
          continue;
        }
        try {
          String detail = undo.run(ctx);
          ctx.log().info(detail);
          undone.add(new UndoRecord(r.stepId(), undo.description(), StepRecord.SUCCEEDED,
              Duration.between(t0, ctx.clock().instant()), detail));
        } catch (Exception e) {
          Thread.interrupted();
          String message = e instanceof InterruptedException ? "interrupted" : e.getMessage();
          ctx.log().error("rollback of " + r.stepId() + " failed: " + message);
          undone.add(new UndoRecord(r.stepId(), undo.description(), StepRecord.FAILED,
              Duration.between(t0, ctx.clock().instant()), message));
        }
      }
    }
  }

  private RunReport finish(DeploymentPlan plan, Failure failure) {
    if (changedSomething) {
      refreshEnvironments();
    }
    if (failure != null) {
      lastEvents = applicationEvents();
    }
    if (failure == null) {
      return report(null, null, true, ctx.request().dryRun() ? "planned" : plan.name(), OK);
    }
    int exit;
    if (failure.failure().kind() == StepFailure.Kind.USAGE && undone.isEmpty()) {
      exit = USAGE;
    } else {
      boolean undoFailed = undone.stream().anyMatch(u -> StepRecord.FAILED.equals(u.status()));
      exit = !undoFailed && productionHealthy() ? FAILED : NEEDS_PERSON;
    }
    boolean swappedBack = undone.stream().anyMatch(u -> StepRecord.SUCCEEDED.equals(u.status())
        && u.detail() != null && u.detail().startsWith("swapped back"));
    return report(failure.failure().getMessage(), failure.stepId(), true, swappedBack ? "rolled-back" : "failed", exit);
  }

  /** After a failure: is the production CNAME on a Ready environment with an accepted health? */
  private boolean productionHealthy() {
    String production = ctx.state().productionCname();
    if (production == null) {
      return true; // nothing was resolved, so nothing was touched
    }
    try {
      for (Environment e : ctx.aws().environments(ctx.request().application(),
          List.of(ctx.request().blueEnvironment(), ctx.request().greenEnvironment()))) {
        if (!e.isTerminated() && Cnames.matches(e.cname(), production)) {
          boolean healthy = e.isReady() && ctx.request().acceptedHealth().contains(e.health());
          if (!healthy) {
            ctx.log().error("production (" + production + ") is on " + e.name() + ", which is " + e.stateLine());
          }
          return healthy;
        }
      }
      ctx.log().error("no environment holds the production CNAME " + production);
      return false;
    } catch (BeanstalkException e) {
      ctx.log().error("could not check production after the failure: " + e.getMessage());
      return false;
    }
  }

  private void refreshEnvironments() {
    try {
      ctx.refreshRoles();
    } catch (StepFailure e) {
      ctx.log().debug("could not read the environments at the end: " + e.getMessage());
    }
  }

  /** The application's latest events (all environments, all requests), for the summary of a failure. */
  private List<BeanstalkEvent> applicationEvents() {
    try {
      List<BeanstalkEvent> events = ctx.aws().events(ctx.request().application(), null, null, started.minusSeconds(60), 100);
      return events.size() <= 12 ? events : events.subList(events.size() - 12, events.size());
    } catch (BeanstalkException e) {
      return null;
    }
  }

  private RunReport report(String failure, String failedStep, boolean finished) {
    return report(failure, failedStep, finished, "", -1);
  }

  private synchronized RunReport report(String failure, String failedStep, boolean finished, String result, int exit) {
    Deployment s = ctx.state();
    List<BeanstalkEvent> events = lastEvents != null ? lastEvents : s.recentEvents();
    List<BeanstalkEvent> last = events.size() <= 12 ? events : events.subList(events.size() - 12, events.size());
    return new RunReport(ctx.request(), started, ctx.clock().instant(), List.copyOf(records), List.copyOf(undone),
        s.liveBefore().orElse(null), s.standbyBefore().orElse(null), s.live(), s.standby().orElse(null), s.productionCname(),
        s.previousVersion(), s.versionCreated(), s.recovered(), List.copyOf(last), failure, failedStep, result, exit, finished);
  }

  private synchronized void record(StepRecord r) {
    records.add(r);
  }

  private synchronized void register(String stepId, Undo undo) {
    undos.push(new Registered(stepId, undo));
  }

  private static List<Step> flatten(Step step) {
    return step instanceof Parallel p ? p.steps() : List.of(step);
  }

  private String safeTitle(Step step) {
    try {
      return step.title(ctx);
    } catch (RuntimeException e) {
      return step.id();
    }
  }

  private static String stackTrace(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }
}
