package dev.bluegreen.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.health.HealthCheckSettings;
import dev.bluegreen.health.StatusMatcher;
import dev.bluegreen.log.PlainLog;
import dev.bluegreen.waiting.VirtualTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanRunnerTest {

  private final VirtualTime time = new VirtualTime(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeGateway aws = new FakeGateway();
  private final List<String> trail = new ArrayList<>();
  private final Cancellation cancellation = new Cancellation();
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

  private StepContext ctx(boolean dryRun) {
    DeploymentRequest r = new DeploymentRequest(Command.DEPLOY, "app", "app-blue", "app-green", Strategy.SWAP, "app", "v2",
        null, null, null, null, new HealthCheckSettings("http", "/", StatusMatcher.parse("200").orElseThrow(), null,
            Duration.ofSeconds(5), 3, Duration.ofMinutes(2)), Set.of("Green"), Duration.ofMinutes(30), Duration.ofSeconds(5),
        Duration.ofSeconds(60), true, true, false, false, 0, dryRun, "us-east-1", "run-1", null);
    Deployment state = new Deployment();
    state.productionCname("app.us-east-1.elasticbeanstalk.com");
    return new StepContext(r, aws, null, time.clock(), time, new PlainLog(new PrintStream(logBytes, true), false), state,
        cancellation, null);
  }

  /** A step that takes some virtual time, may fail, and has an undo that records itself (and may fail). */
  private Step step(String id, Duration takes, StepFailure failure, boolean undoFails, boolean changes) {
    return new Step() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String title(StepContext c) {
        return "do " + id;
      }

      @Override
      public StepOutcome run(StepContext c) throws StepFailure, InterruptedException {
        trail.add("run " + id);
        c.sleeper().sleep(takes);
        if (failure != null) {
          throw failure;
        }
        return StepOutcome.done(id + " done");
      }

      @Override
      public boolean changesAws() {
        return changes;
      }

      @Override
      public Optional<Undo> undo(StepContext c) {
        if (!changes) {
          return Optional.empty();
        }
        return Optional.of(new Undo() {
          @Override
          public String description() {
            return "undo " + id;
          }

          @Override
          public String run(StepContext c2) {
            trail.add("undo " + id);
            if (undoFails) {
              throw new IllegalStateException("undo of " + id + " broke");
            }
            return "undid " + id;
          }
        });
      }
    };
  }

  private RunReport run(StepContext c, Step... steps) {
    DeploymentPlan.Builder b = DeploymentPlan.named("promoted");
    for (Step s : steps) {
      b.then(s);
    }
    return new PlanRunner(c, r -> {}).run(b.build());
  }

  private void productionOn(String status, String health) {
    aws.environments.add(FakeGateway.env("app-blue", "app.us-east-1.elasticbeanstalk.com", status, health, "v1"));
  }

  @Test
  void success_recordsEveryStepWithItsDuration() {
    RunReport r = run(ctx(false), step("a", Duration.ofSeconds(3), null, false, true),
        step("b", Duration.ofSeconds(7), null, false, true));

    assertThat(r.exitCode()).isZero();
    assertThat(r.result()).isEqualTo("promoted");
    assertThat(r.steps()).extracting(StepRecord::id, StepRecord::status, StepRecord::duration).containsExactly(
        org.assertj.core.groups.Tuple.tuple("a", "succeeded", Duration.ofSeconds(3)),
        org.assertj.core.groups.Tuple.tuple("b", "succeeded", Duration.ofSeconds(7)));
    assertThat(r.duration()).isEqualTo(Duration.ofSeconds(10));
    assertThat(trail).containsExactly("run a", "run b");
  }

  @Test
  void failure_undoesInReverseOrderIncludingTheFailedStep_andKeepsGoingAfterAFailedUndo() {
    productionOn("Ready", "Green");
    RunReport r = run(ctx(false), step("a", Duration.ZERO, null, false, true), step("b", Duration.ZERO, null, true, true),
        step("c", Duration.ZERO, new StepFailure("c broke"), false, true), step("d", Duration.ZERO, null, false, true));

    assertThat(trail).containsExactly("run a", "run b", "run c", "undo c", "undo b", "undo a");
    assertThat(r.rollback()).extracting(UndoRecord::status).containsExactly("succeeded", "failed", "succeeded");
    assertThat(r.steps()).extracting(StepRecord::status).containsExactly("succeeded", "succeeded", "failed", "not-run");
    assertThat(r.exitCode()).as("an undo failed").isEqualTo(PlanRunner.NEEDS_PERSON);
    assertThat(r.failedStep()).isEqualTo("c");
  }

  @Test
  void failure_withHealthyProductionExits1_withUnhealthyProduction3() {
    productionOn("Ready", "Green");
    assertThat(run(ctx(false), step("a", Duration.ZERO, new StepFailure("x"), false, true)).exitCode()).isEqualTo(1);
    aws.environments.clear();
    productionOn("Ready", "Red");
    assertThat(run(ctx(false), step("a", Duration.ZERO, new StepFailure("x"), false, true)).exitCode()).isEqualTo(3);
  }

  @Test
  void usageProblemBeforeAnyChange_exits2() {
    RunReport r = run(ctx(false), step("resolve", Duration.ZERO, StepFailure.usage("production-cname: nope"), false, false));
    assertThat(r.exitCode()).isEqualTo(PlanRunner.USAGE);
    assertThat(r.result()).isEqualTo("failed");
  }

  @Test
  void dryRun_runsReadOnlyStepsAndPlansTheOthers() {
    RunReport r = run(ctx(true), step("look", Duration.ZERO, null, false, false), step("change", Duration.ZERO, null, false, true));
    assertThat(trail).containsExactly("run look");
    assertThat(r.steps()).extracting(StepRecord::status).containsExactly("succeeded", "planned");
    assertThat(r.result()).isEqualTo("planned");
  }

  @Test
  void parallelSteps_overlapInTimeAndAreRecordedEach() {
    RunReport r = run(ctx(false), Parallel.of(step("slow", Duration.ofMinutes(5), null, false, true),
        step("fast", Duration.ofSeconds(10), null, false, true)));
    assertThat(r.duration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(r.steps()).extracting(StepRecord::id).containsExactlyInAnyOrder("slow", "fast");
    assertThat(logBytes.toString()).contains("[fast] ", "[slow] ");
  }

  @Test
  void cancellation_beforeAStep_stopsAndRollsBack() {
    productionOn("Ready", "Green");
    StepContext c = ctx(false);
    Step cancelling = new Step() {
      @Override
      public String id() {
        return "signal";
      }

      @Override
      public String title(StepContext x) {
        return "signal";
      }

      @Override
      public StepOutcome run(StepContext x) {
        cancellation.request("SIGINT", time.clock());
        Thread.interrupted(); // the signal would interrupt the worker; this step ends normally anyway
        return StepOutcome.done("ok");
      }
    };
    RunReport r = run(c, step("a", Duration.ZERO, null, false, true), cancelling, step("b", Duration.ZERO, null, false, true));
    assertThat(trail).containsExactly("run a", "undo a");
    assertThat(r.failure()).contains("cancelled (SIGINT)");
    assertThat(r.exitCode()).isEqualTo(1);
  }
}
