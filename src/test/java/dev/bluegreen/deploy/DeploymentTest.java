package dev.bluegreen.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.inputs.Result;
import dev.bluegreen.log.Log;
import dev.bluegreen.log.PlainLog;
import dev.bluegreen.plan.Cancellation;
import dev.bluegreen.plan.RunRecord;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.StepRecord.Status;
import dev.bluegreen.plan.Undo;
import dev.bluegreen.plan.UndoRecord;
import dev.bluegreen.waiting.VirtualTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a run is concluded from its record and from what production is afterwards. */
class DeploymentTest {

  private final VirtualTime time = new VirtualTime(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeGateway aws = new FakeGateway();
  private final Log log = new PlainLog(new PrintStream(new ByteArrayOutputStream(), true), false);
  private final Context ctx =
      new Context(
          TestRequests.of(Command.DEPLOY), aws, null, time.clock(), time, new Cancellation(), null);
  private final Deployment deployment = new Deployment(ctx, log);

  private void productionOn(String status, String health) {
    Environment live =
        FakeGateway.env("app-blue", "app.us-east-1.elasticbeanstalk.com", status, health, "v1");
    aws.environments.add(live);
    ctx.production().resolved(new Roles(live, null, live.cname()), Instant.EPOCH);
  }

  private static RunRecord failedAt(StepFailure failure, UndoRecord... undone) {
    Instant t = Instant.EPOCH;
    return new RunRecord(
        "promoted",
        t,
        t,
        List.of(),
        List.of(undone),
        new RunRecord.Failure("c", failure),
        true,
        true);
  }

  private static UndoRecord undo(Undo undo, Status status, Undo.Outcome outcome) {
    return new UndoRecord("c", undo, status, outcome, Duration.ZERO, "");
  }

  private static final Undo OTHER =
      new Undo() {
        @Override
        public String description() {
          return "undo c";
        }

        @Override
        public Undo.Outcome run(Log l) {
          return Undo.Outcome.reverted("undid");
        }
      };

  @Test
  void failure_withHealthyProductionExits1_withUnhealthyProduction3() {
    productionOn("Ready", "Green");
    assertThat(deployment.conclude(failedAt(new StepFailure("x"))))
        .isEqualTo(new Outcome.Failed(false));
    aws.environments.clear();
    productionOn("Ready", "Red");
    assertThat(deployment.conclude(failedAt(new StepFailure("x"))))
        .isEqualTo(new Outcome.NeedsPerson(false));
  }

  @Test
  void aFailedUndo_needsAPerson() {
    productionOn("Ready", "Green");
    assertThat(
            deployment.conclude(
                failedAt(
                    new StepFailure("x"),
                    undo(OTHER, Status.SUCCEEDED, Undo.Outcome.reverted("ok")),
                    undo(OTHER, Status.FAILED, null))))
        .isInstanceOf(Outcome.NeedsPerson.class);
  }

  @Test
  void usageProblemBeforeAnyChange_isARefusal() {
    Outcome o = deployment.conclude(failedAt(StepFailure.usage("production-cname: nope")));
    assertThat(o).isEqualTo(new Outcome.Refused());
    assertThat(o.result()).isEqualTo(Result.FAILED);
  }

  @Test
  void rolledBack_onlyWhenASwapWasPutBack() {
    Environment live =
        FakeGateway.env("app-blue", "app.us-east-1.elasticbeanstalk.com", "Ready", "Green", "v1");
    Environment standby =
        FakeGateway.env(
            "app-green", "app-staging.us-east-1.elasticbeanstalk.com", "Ready", "Green", "v2");
    aws.environments.addAll(List.of(live, standby));
    ctx.production().resolved(new Roles(live, standby, live.cname()), Instant.EPOCH);
    Undo swapBack =
        new dev.bluegreen.deploy.steps.SwapCnames(ctx, "swap-cnames").undo().orElseThrow();
    StepFailure x = new StepFailure("x");

    assertThat(
            deployment.conclude(
                failedAt(
                    x, undo(swapBack, Status.SUCCEEDED, Undo.Outcome.reverted("swapped back")))))
        .isEqualTo(new Outcome.Failed(true));
    assertThat(
            deployment.conclude(
                failedAt(x, undo(swapBack, Status.SUCCEEDED, Undo.Outcome.unchanged("nothing")))))
        .isEqualTo(new Outcome.Failed(false));
    assertThat(
            deployment.conclude(
                failedAt(x, undo(OTHER, Status.SUCCEEDED, Undo.Outcome.reverted("put back")))))
        .isEqualTo(new Outcome.Failed(false));
  }

  @Test
  void cancelled_withProductionHealthy_isAFailure() {
    productionOn("Ready", "Green");
    assertThat(
            deployment.conclude(
                failedAt(new StepFailure(StepFailure.Kind.CANCELLED, "cancelled (SIGINT)"))))
        .isEqualTo(new Outcome.Failed(false));
  }
}
