package dev.bluegreen.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.bluegreen.log.Log;
import dev.bluegreen.log.PlainLog;
import dev.bluegreen.plan.StepRecord.Status;
import dev.bluegreen.waiting.VirtualTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runner with steps that only record what happens to them: it knows nothing else. */
class PlanRunnerTest {

  private final VirtualTime time = new VirtualTime(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<String> trail = new ArrayList<>();
  private final Cancellation cancellation = new Cancellation();
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final Log log = new PlainLog(new PrintStream(logBytes, true), false);

  /**
   * A step that takes some virtual time, may fail, and has an undo that records itself (and may
   * fail).
   */
  private Step<String> step(
      String id, Duration takes, StepFailure failure, boolean undoFails, boolean changes) {
    return new Step<>() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String title() {
        return "do " + id;
      }

      @Override
      public Result<String> run(Log l) throws StepFailure, InterruptedException {
        trail.add("run " + id);
        time.sleep(takes);
        if (failure != null) {
          throw failure;
        }
        return Result.done(id + " done", id + " result");
      }

      @Override
      public boolean changes() {
        return changes;
      }

      @Override
      public void assumeDone() {
        trail.add("assume " + id);
      }

      @Override
      public Optional<Undo> undo() {
        if (!changes) {
          return Optional.empty();
        }
        return Optional.of(
            new Undo() {
              @Override
              public String description() {
                return "undo " + id;
              }

              @Override
              public Outcome run(Log l) {
                trail.add("undo " + id);
                if (undoFails) {
                  throw new IllegalStateException("undo of " + id + " broke");
                }
                return Outcome.reverted("undid " + id);
              }
            });
      }
    };
  }

  private RunRecord run(boolean dryRun, Plan plan) {
    return new PlanRunner(time.clock(), time, log, cancellation, dryRun, r -> {}).run(plan);
  }

  private RunRecord run(Step<?>... steps) {
    Plan.Builder b = Plan.named("promoted");
    for (Step<?> s : steps) {
      b.then(s);
    }
    return run(false, b.build());
  }

  @Test
  void success_recordsEveryStepWithItsDuration() {
    RunRecord r =
        run(
            step("a", Duration.ofSeconds(3), null, false, true),
            step("b", Duration.ofSeconds(7), null, false, true));

    assertThat(r.succeeded()).isTrue();
    assertThat(r.plan()).isEqualTo("promoted");
    assertThat(r.steps())
        .extracting(StepRecord::id, StepRecord::status, StepRecord::duration)
        .containsExactly(
            tuple("a", Status.SUCCEEDED, Duration.ofSeconds(3)),
            tuple("b", Status.SUCCEEDED, Duration.ofSeconds(7)));
    assertThat(r.duration()).isEqualTo(Duration.ofSeconds(10));
    assertThat(trail).containsExactly("run a", "run b");
  }

  @Test
  void failure_undoesInReverseOrderIncludingTheFailedStep_andKeepsGoingAfterAFailedUndo() {
    RunRecord r =
        run(
            step("a", Duration.ZERO, null, false, true),
            step("b", Duration.ZERO, null, true, true),
            step("c", Duration.ZERO, new StepFailure("c broke"), false, true),
            step("d", Duration.ZERO, null, false, true));

    assertThat(trail).containsExactly("run a", "run b", "run c", "undo c", "undo b", "undo a");
    assertThat(r.undone())
        .extracting(UndoRecord::status)
        .containsExactly(Status.SUCCEEDED, Status.FAILED, Status.SUCCEEDED);
    assertThat(r.steps())
        .extracting(StepRecord::status)
        .containsExactly(Status.SUCCEEDED, Status.SUCCEEDED, Status.FAILED, Status.NOT_RUN);
    assertThat(r.failure().stepId()).isEqualTo("c");
  }

  @Test
  void aRefusalBeforeAnyChange_undoesNothing() {
    RunRecord r =
        run(
            step(
                "resolve",
                Duration.ZERO,
                StepFailure.usage("production-cname: nope"),
                false,
                false));
    assertThat(r.failure().cause().kind()).isEqualTo(StepFailure.Kind.USAGE);
    assertThat(r.undone()).isEmpty();
    assertThat(r.changed()).isFalse();
  }

  @Test
  void dryRun_runsReadOnlyStepsAndPlansTheOthers() {
    RunRecord r =
        run(
            true,
            planOf(
                step("look", Duration.ZERO, null, false, false),
                step("change", Duration.ZERO, null, false, true)));
    assertThat(trail).containsExactly("run look", "assume change");
    assertThat(r.steps())
        .extracting(StepRecord::status)
        .containsExactly(Status.SUCCEEDED, Status.PLANNED);
    assertThat(r.changed()).isFalse();
  }

  @Test
  void dryRun_assumesPlannedStepsDoneInOrder_butNotSkippedOnes() {
    Plan.Builder b = Plan.named("promoted");
    b.then(step("first", Duration.ZERO, null, false, true));
    b.then(
        Condition.when(Slot.of("x"), v -> false, "not wanted"),
        step("skipped", Duration.ZERO, null, false, true));
    b.then(step("second", Duration.ZERO, null, false, true));
    Plan plan = b.build();

    run(true, plan);

    assertThat(trail).containsExactly("assume first", "assume second");
  }

  private static Plan planOf(Step<?>... steps) {
    Plan.Builder b = Plan.named("promoted");
    for (Step<?> s : steps) {
      b.then(s);
    }
    return b.build();
  }

  @Test
  void stepsTogether_overlapInTimeAndAreRecordedEach() {
    Plan plan =
        Plan.named("promoted")
            .together(
                step("slow", Duration.ofMinutes(5), null, false, true),
                step("fast", Duration.ofSeconds(10), null, false, true))
            .build();
    RunRecord r = run(false, plan);
    assertThat(r.duration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(r.steps()).extracting(StepRecord::id).containsExactlyInAnyOrder("slow", "fast");
    assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("[fast] ", "[slow] ");
  }

  @Test
  void aStepReadsTheResultOfAnEarlierOne_andAConditionCanSkipIt() {
    Plan.Builder p = Plan.named("promoted");
    Slot<String> first = p.then(step("a", Duration.ZERO, null, false, false));
    List<String> seen = new ArrayList<>();
    p.then(
        Condition.when(first, v -> v.equals("a result"), "never"),
        new Step<Void>() {
          @Override
          public String id() {
            return "b";
          }

          @Override
          public String title() {
            return "read a";
          }

          @Override
          public Result<Void> run(Log l) {
            seen.add(first.get());
            return Result.done("read");
          }
        });
    p.then(
        Condition.when(first, v -> v.isEmpty(), "a produced a result"),
        step("c", Duration.ZERO, null, false, false));

    RunRecord r = run(false, p.build());

    assertThat(seen).containsExactly("a result");
    assertThat(r.steps())
        .extracting(StepRecord::id, StepRecord::status, StepRecord::detail)
        .containsExactly(
            tuple("a", Status.SUCCEEDED, "a done"),
            tuple("b", Status.SUCCEEDED, "read"),
            tuple("c", Status.SKIPPED, "a produced a result"));
  }

  @Test
  void cancellation_beforeAStep_stopsAndRollsBack() {
    Step<Void> cancelling =
        new Step<>() {
          @Override
          public String id() {
            return "signal";
          }

          @Override
          public String title() {
            return "signal";
          }

          @Override
          public Result<Void> run(Log l) {
            cancellation.request("SIGINT", time.clock());
            // the signal would interrupt the worker; this step ends normally anyway
            Thread.interrupted();
            return Result.done("ok");
          }
        };
    RunRecord r =
        run(
            step("a", Duration.ZERO, null, false, true),
            cancelling,
            step("b", Duration.ZERO, null, false, true));
    assertThat(trail).containsExactly("run a", "undo a");
    assertThat(r.failure().cause().getMessage()).contains("cancelled (SIGINT)");
    assertThat(r.failure().cause().kind()).isEqualTo(StepFailure.Kind.CANCELLED);
  }
}
