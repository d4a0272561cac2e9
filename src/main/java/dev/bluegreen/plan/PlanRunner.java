package dev.bluegreen.plan;

import dev.bluegreen.log.Log;
import dev.bluegreen.plan.Plan.Single;
import dev.bluegreen.plan.Plan.Together;
import dev.bluegreen.plan.RunRecord.Failure;
import dev.bluegreen.plan.StepRecord.Status;
import dev.bluegreen.waiting.Durations;
import dev.bluegreen.waiting.Sleeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
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
 * Runs a plan, and knows nothing of what the steps do: one log group per step, timing and
 * recording, conditions, steps run together, undo registration before each step, cancellation, and
 * on failure the rollback (undos in reverse order, each recorded, a failing undo does not stop the
 * next). It never throws: the record says how the run ended.
 */
public final class PlanRunner {

  private record Registered(String stepId, Undo undo) {}

  private final Clock clock;
  private final Sleeper sleeper;
  private final Log log;
  private final Cancellation cancellation;
  private final boolean dryRun;
  private final Consumer<RunRecord> progress;
  private final List<StepRecord> records = new ArrayList<>();
  private final List<UndoRecord> undone = new ArrayList<>();
  private final Deque<Registered> undos = new ArrayDeque<>();
  private volatile boolean changed;
  private String planName;
  private Instant started;

  /**
   * @param dryRun steps that change the world are not run but planned (see {@link
   *     Step#runsInDryRun})
   * @param progress receives the record after every entry of the plan, so results can be published
   *     as soon as known
   */
  public PlanRunner(
      Clock clock,
      Sleeper sleeper,
      Log log,
      Cancellation cancellation,
      boolean dryRun,
      Consumer<RunRecord> progress) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.log = log;
    this.cancellation = cancellation;
    this.dryRun = dryRun;
    this.progress = progress;
  }

  public RunRecord run(Plan plan) {
    planName = plan.name();
    started = clock.instant();
    Failure failure = null;
    List<Plan.Entry> entries = plan.entries();
    int index = 0;
    for (; index < entries.size() && failure == null; index++) {
      Plan.Entry entry = entries.get(index);
      if (cancellation.requested()) {
        failure =
            new Failure(
                entry.steps().get(0).step().id(),
                new StepFailure(
                    StepFailure.Kind.CANCELLED,
                    "cancelled (" + cancellation.reason() + ") before this step started"));
        break;
      }
      failure = entry instanceof Together t ? runTogether(t) : runInGroup((Single) entry);
      progress.accept(record(null, false));
    }
    for (int i = index; i < entries.size(); i++) {
      for (Single s : entries.get(i).steps()) {
        if (records.stream().noneMatch(r -> r.id().equals(s.step().id()))) {
          records.add(
              new StepRecord(
                  s.step().id(), safeTitle(s.step()), Status.NOT_RUN, null, Duration.ZERO, null));
        }
      }
    }
    if (failure != null) {
      log.error(failure.stepId() + ": " + failure.cause().getMessage());
      if (failure.cause().kind() != StepFailure.Kind.USAGE || !undos.isEmpty()) {
        rollBack();
      }
    }
    return record(failure, true);
  }

  @SuppressWarnings("try") // the section is there to be closed: it ends the log group
  private Failure runInGroup(Single single) {
    Optional<String> skip = skipReason(single);
    String header = single.step().id() + (skip.isPresent() ? "" : ": " + safeTitle(single.step()));
    try (Log.Section ignored = log.group(header)) {
      return runStep(single, log, skip);
    }
  }

  @SuppressWarnings("try") // the section is there to be closed: it ends the log group
  private Failure runTogether(Together together) {
    try (Log.Section ignored = log.group(together.id() + " (in parallel)")) {
      List<Callable<Failure>> tasks = new ArrayList<>();
      for (Single child : together.steps()) {
        Log childLog = new PrefixedLog(log, "[" + child.step().id() + "] ");
        tasks.add(() -> runStep(child, childLog, skipReason(child)));
      }
      List<Failure> results;
      try {
        results = sleeper.runConcurrently(tasks);
      } catch (InterruptedException e) {
        return new Failure(together.id(), cancelled());
      } catch (Exception e) {
        return new Failure(
            together.id(), new StepFailure(StepFailure.Kind.FAILED, "unexpected error: " + e, e));
      }
      return results.stream().filter(f -> f != null).findFirst().orElse(null);
    }
  }

  private Optional<String> skipReason(Single single) {
    try {
      return single.condition().skipReason();
    } catch (IllegalStateException e) {
      // The condition reads a result that a dry run did not produce: the step is planned instead.
      return Optional.empty();
    }
  }

  /**
   * Runs one step (unless its condition says to skip it) with its undo registered first; returns
   * the failure, or null.
   */
  @SuppressWarnings("unchecked") // a Single pairs a Step<T> with the Slot<T> made for it
  private <T> Failure runStep(Single single, Log stepLog, Optional<String> skip) {
    Step<T> step = (Step<T>) single.step();
    String title = safeTitle(step);
    Instant t0 = clock.instant();
    if (skip.isPresent()) {
      stepLog.info("skipped: " + skip.get());
      record(new StepRecord(step.id(), title, Status.SKIPPED, t0, Duration.ZERO, skip.get()));
      return null;
    }
    if (dryRun && !step.runsInDryRun()) {
      String plan = safePlan(step);
      stepLog.info("dry-run: " + plan);
      record(new StepRecord(step.id(), title, Status.PLANNED, t0, Duration.ZERO, plan));
      step.assumeDone();
      return null;
    }
    try {
      step.undo().ifPresent(u -> register(step.id(), u));
      if (step.changes()) {
        changed = true;
      }
      Step.Result<T> result = step.run(stepLog);
      Duration took = Duration.between(t0, clock.instant());
      record(
          new StepRecord(
              step.id(),
              title,
              result.skipped() ? Status.SKIPPED : Status.SUCCEEDED,
              t0,
              took,
              result.detail()));
      ((Slot<T>) single.slot()).fill(result.value());
      stepLog.info(
          (result.skipped() ? "skipped: " : "done in " + Durations.format(took) + ": ")
              + result.detail());
      return null;
    } catch (StepFailure f) {
      return failed(step, title, t0, f);
    } catch (InterruptedException e) {
      return failed(step, title, t0, cancelled());
    } catch (RuntimeException e) {
      stepLog.debug(stackTrace(e));
      return failed(
          step,
          title,
          t0,
          new StepFailure(
              StepFailure.Kind.FAILED, "unexpected error in " + step.id() + ": " + e, e));
    }
  }

  private Failure failed(Step<?> step, String title, Instant t0, StepFailure failure) {
    StepFailure f = failure;
    if (cancellation.requested() && f.kind() != StepFailure.Kind.CANCELLED) {
      // An interrupted call fails in its own words (a half-read response); the cause is the cancel.
      f =
          new StepFailure(
              StepFailure.Kind.CANCELLED,
              "cancelled ("
                  + cancellation.reason()
                  + ") during "
                  + step.id()
                  + "; the call in flight was abandoned: "
                  + f.getMessage(),
              f);
    }
    record(
        new StepRecord(
            step.id(),
            title,
            Status.FAILED,
            t0,
            Duration.between(t0, clock.instant()),
            f.getMessage()));
    return new Failure(step.id(), f);
  }

  private StepFailure cancelled() {
    return new StepFailure(
        StepFailure.Kind.CANCELLED,
        "cancelled (" + Optional.ofNullable(cancellation.reason()).orElse("interrupted") + ")");
  }

  @SuppressWarnings("try") // each section is there to be closed: it ends the log group
  private void rollBack() {
    // Undos must run even after a cancellation interrupted the step: clear the flag, keep the
    // deadline.
    Thread.interrupted();
    while (!undos.isEmpty()) {
      Registered r = undos.pop();
      Undo undo = r.undo();
      Instant t0 = clock.instant();
      try (Log.Section ignored = log.group("rollback " + r.stepId() + ": " + undo.description())) {
        try {
          Undo.Outcome outcome = undo.run(log);
          log.info((outcome.kind() == Undo.Kind.SKIPPED ? "skipped: " : "") + outcome.detail());
          undone.add(
              new UndoRecord(
                  r.stepId(),
                  undo,
                  outcome.kind() == Undo.Kind.SKIPPED ? Status.SKIPPED : Status.SUCCEEDED,
                  outcome,
                  Duration.between(t0, clock.instant()),
                  outcome.detail()));
        } catch (Exception e) {
          Thread.interrupted();
          String message = e instanceof InterruptedException ? "interrupted" : e.getMessage();
          log.error("rollback of " + r.stepId() + " failed: " + message);
          undone.add(
              new UndoRecord(
                  r.stepId(),
                  undo,
                  Status.FAILED,
                  null,
                  Duration.between(t0, clock.instant()),
                  message));
        }
      }
    }
  }

  private synchronized RunRecord record(Failure failure, boolean finished) {
    return new RunRecord(
        planName,
        started,
        clock.instant(),
        List.copyOf(records),
        List.copyOf(undone),
        failure,
        changed,
        finished);
  }

  private synchronized void record(StepRecord r) {
    records.add(r);
  }

  private synchronized void register(String stepId, Undo undo) {
    undos.push(new Registered(stepId, undo));
  }

  private static String safeTitle(Step<?> step) {
    try {
      return step.title();
    } catch (RuntimeException e) {
      return step.id();
    }
  }

  private static String safePlan(Step<?> step) {
    try {
      return step.plan();
    } catch (RuntimeException e) {
      return "would " + step.id();
    }
  }

  private static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
