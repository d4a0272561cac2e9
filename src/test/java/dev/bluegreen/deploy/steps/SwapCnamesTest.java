package dev.bluegreen.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Envs;
import dev.bluegreen.plan.Step.Result;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.Undo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SwapCnamesTest {

  private static final String PRODUCTION = Harness.PRODUCTION;
  private static final String STANDBY_CNAME = "app-green" + Envs.SUFFIX;

  private Harness h = Harness.deploy();

  private SwapCnames step() {
    return new SwapCnames(h.ctx, "swap-cnames");
  }

  private String cnameOf(String name) {
    return h.aws.current(name).map(Environment::cname).orElseThrow();
  }

  @Test
  void theStandbyTakesProduction() throws Exception {
    h.resolve(h.live("v1"), h.standby("v2"));
    assertThat(step().title())
        .isEqualTo("Swap CNAMEs: app-green takes " + PRODUCTION + " from app-blue");

    Result<Void> r = step().run(h.log);

    assertThat(h.aws.writes()).containsExactly("swapCnames(app-green, app-blue)");
    assertThat(r.detail())
        .isEqualTo("app-green now holds " + PRODUCTION + " (app-blue has the standby CNAME)");
    assertThat(cnameOf("app-green")).isEqualTo(PRODUCTION);
    assertThat(h.production().roles().live().name()).isEqualTo("app-green");
    assertThat(h.production().roles().live().cname()).isEqualTo(PRODUCTION);
    assertThat(h.production().roles().standby()).map(Environment::cname).contains(STANDBY_CNAME);
    assertThat(h.production().lostProductionAt("app-blue")).contains(Harness.T0);
    assertThat(h.logText()).contains("SwapEnvironmentCNAMEs app-green ⇄ app-blue (request req-1)");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"InternalFailure, 500", ", 0"})
  void anAmbiguousErrorAfterWhichTheCnamesMoved_isASwapMadeOnce(String code, int status)
      throws Exception {
    h.resolve(h.live("v1"), h.standby("v2"));
    h.aws.failOnceAfterEffect("swapCnames", code, status, "connection reset");

    Result<Void> r = step().run(h.log);

    assertThat(r.skipped()).isFalse();
    assertThat(h.production().roles().live().name()).isEqualTo("app-green");
    assertThat(h.logText())
        .contains(
            "WARNING: SwapEnvironmentCNAMEs app-green: connection reset; reading the state to "
                + "learn whether it was done",
            "SwapEnvironmentCNAMEs app-green was carried out");
    assertThat(h.aws.count("swapCnames")).isEqualTo(1);
    assertThat(h.ctx.sawAmbiguity()).isTrue();
  }

  @Test
  void anAmbiguousErrorAfterWhichTheCnamesDidNotMove_isTriedOnceMoreOnFreshState()
      throws Exception {
    h.resolve(h.live("v1"), h.standby("v2"));
    h.aws.failOnce("swapCnames", "InternalFailure", 500, "We encountered an internal error.");

    step().run(h.log);

    assertThat(h.production().roles().live().name()).isEqualTo("app-green");
    assertThat(cnameOf("app-green")).isEqualTo(PRODUCTION);
    assertThat(h.aws.count("swapCnames")).isEqualTo(2);
    // two looks, a poll interval apart, before the second call
    assertThat(h.aws.calls())
        .containsSubsequence(
            "swapCnames(app-green, app-blue)",
            "events(null, null)",
            "environments(app-green)",
            "events(null, null)",
            "environments(app-green)",
            "swapCnames(app-green, app-blue)");
    assertThat(h.logText())
        .contains("SwapEnvironmentCNAMEs app-green was not carried out; trying once more");
  }

  @Test
  void twoAmbiguousErrorsWithoutASwap_failTheStepAfterOneRetry() {
    h.resolve(h.live("v1"), h.standby("v2"));
    h.aws.failOnce("swapCnames", "InternalFailure", 500, "We encountered an internal error.");
    h.aws.failOnce("swapCnames", "ServiceUnavailable", 503, "Service unavailable.");

    StepFailure f = h.failure(step());

    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f).hasMessage("Service unavailable.");
    assertThat(h.production().roles().live().name()).isEqualTo("app-blue");
    assertThat(h.aws.count("swapCnames")).isEqualTo(2);
  }

  /**
   * A swap Elastic Beanstalk accepted but completes moments later: the step waits for its
   * completion event before it reads the CNAMEs, so it sees the swap and does not make another.
   */
  @Test
  void anAmbiguousErrorWhoseSwapCompletesMomentsLater_isWaitedForAndTakenAsTheSwap()
      throws Exception {
    h.resolve(h.live("v1"), h.standby("v2"));
    SwapCnames step = step();
    Undo undo = step.undo().orElseThrow();
    h.aws.failOnce("swapCnames", "InternalFailure", 500, "We encountered an internal error.");
    // events read 1 is the look before the call; 2 the first after the lost answer
    h.aws.atEventsRead(
        2,
        g ->
            g.event(
                null,
                "req-9",
                "INFO",
                "Swapping CNAMEs for environments 'app-green' and 'app-blue'."));
    h.aws.atEventsRead(
        4,
        g -> {
          g.put(Envs.from(g.current("app-blue").orElseThrow()).cname(STANDBY_CNAME).build());
          g.put(Envs.from(g.current("app-green").orElseThrow()).cname(PRODUCTION).build());
          g.event(
              null,
              "req-9",
              "INFO",
              "Completed swapping CNAMEs for environments 'app-green' and 'app-blue'.");
        });

    step.run(h.log);

    assertThat(h.aws.count("swapCnames")).isEqualTo(1);
    assertThat(h.production().roles().live().name()).isEqualTo("app-green");
    assertThat(h.logText())
        .contains("waiting for a CNAME swap under way: app-blue ⇄ app-green since");
    // the undo, deciding on settled CNAMEs, swaps back what really happened
    assertThat(undo.run(h.log).kind()).isEqualTo(Undo.Kind.REVERTED);
    assertThat(cnameOf("app-blue")).isEqualTo(PRODUCTION);
    assertThat(h.aws.count("swapCnames")).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "InvalidParameterValue, 400, Environment app-green is not Ready.",
    "Throttling, 400, Rate exceeded"
  })
  void aRefusal_failsTheStepWithoutLookingAtTheCnames(String code, int status, String message) {
    h.resolve(h.live("v1"), h.standby("v2"));
    h.aws.failOnce("swapCnames", code, status, message);
    StepFailure f = h.failure(step());
    assertThat(f).hasMessage(message);
    assertThat(h.aws.writes()).containsExactly("swapCnames(app-green, app-blue)");
    assertThat(h.aws.count("swapCnames")).isEqualTo(1);
  }

  @Test
  void withoutAStandby_thereIsNothingToSwapWith() {
    h.resolve(h.live("v1"), null);
    assertThat(h.failure(step())).hasMessage("there is no standby environment");
    assertThat(step().undo()).isEmpty();
  }

  // ---- SwapBack
  // ---------------------------------------------------------------------------------------------

  /** Registers the undo, as the runner does, and swaps. */
  private Undo swapped() throws Exception {
    h.resolve(h.live("v1"), h.standby("v2"));
    SwapCnames step = step();
    Undo undo = step.undo().orElseThrow();
    assertThat(undo.description()).isEqualTo("swap back: production to app-blue");
    step.run(h.log);
    return undo;
  }

  @Test
  void swapBack_putsProductionBackOnTheOldLiveAndChecksIt() throws Exception {
    Undo undo = swapped();

    Undo.Outcome o = undo.run(h.log);

    assertThat(o)
        .isEqualTo(
            Undo.Outcome.reverted(
                "swapped back: app-blue (v1) serves "
                    + PRODUCTION
                    + " again; 3 "
                    + "consecutive successful requests to http://"
                    + PRODUCTION
                    + "/"));
    assertThat(h.aws.writes())
        .containsExactly("swapCnames(app-green, app-blue)", "swapCnames(app-blue, app-green)");
    assertThat(cnameOf("app-blue")).isEqualTo(PRODUCTION);
    assertThat(h.production().roles().live().name()).isEqualTo("app-blue");
    assertThat(h.health.hosts()).containsExactly(PRODUCTION);
  }

  @Test
  void swapBack_reportsAFailedCheckOfTheRestoredProduction() throws Exception {
    Undo undo = swapped();
    h.health.failsNext("status 502");
    assertThat(undo.run(h.log))
        .isEqualTo(
            Undo.Outcome.reverted(
                "swapped back: app-blue (v1) serves "
                    + PRODUCTION
                    + " again; but health check of http://"
                    + PRODUCTION
                    + "/ failed after 5 requests: status 502"));
  }

  @Test
  void swapBack_isOffWithRollbackOnFailureFalse() throws Exception {
    h = Harness.deploy("rollback-on-failure", "false");
    Undo undo = swapped();
    int before = h.aws.calls().size();

    assertThat(undo.run(h.log)).isEqualTo(Undo.Outcome.skipped("rollback-on-failure: false"));

    assertThat(h.aws.calls()).hasSize(before);
    assertThat(h.logText()).contains("WARNING: not swapping back: rollback-on-failure is false");
    assertThat(h.production().roles().live().name()).isEqualTo("app-green");
  }

  @Test
  void swapBack_hasNothingToDoWhenTheSwapNeverHappened() throws Exception {
    h.resolve(h.live("v1"), h.standby("v2"));
    SwapCnames step = step();
    Undo undo = step.undo().orElseThrow();
    h.aws.failOnce("swapCnames", "InvalidParameterValue", 400, "no");
    h.failure(step);

    assertThat(undo.run(h.log))
        .isEqualTo(Undo.Outcome.unchanged("production is on app-blue; nothing to swap back"));
    assertThat(h.aws.count("swapCnames")).isEqualTo(1);
    assertThat(h.production().roles().live().name()).isEqualTo("app-blue");
  }

  @Test
  void anotherRunsSwapBeforeOurs_failsTheStepAsOvertakenAndIsNeverSwappedBack() throws Exception {
    h.resolve(h.live("v1"), h.standby("v2"));
    SwapCnames step = step();
    Undo undo = step.undo().orElseThrow();
    h.aws.swapCnames("app-green", "app-blue"); // another run, after the roles were read

    StepFailure f = h.failure(step);

    assertThat(f)
        .hasMessage(
            "app-green took "
                + PRODUCTION
                + " from app-blue while this run was going (another run swapped them); not "
                + "swapping it back");
    assertThat(h.ctx.overtakenBy())
        .contains("swapped " + PRODUCTION + " from app-blue to app-green");
    assertThat(undo.run(h.log).kind()).isEqualTo(Undo.Kind.UNCHANGED);
    assertThat(h.aws.count("swapCnames")).isEqualTo(1);
    assertThat(cnameOf("app-green")).isEqualTo(PRODUCTION);
  }

  @Test
  void swapBack_recordsASwapThatHappenedUnnoticed_asProductionBackOnTheOldLive() throws Exception {
    Undo undo = swapped();
    h.aws.swapCnames("app-blue", "app-green"); // someone swapped back meanwhile
    assertThat(undo.run(h.log))
        .isEqualTo(Undo.Outcome.unchanged("production is on app-blue; nothing to swap back"));
    assertThat(h.production().roles().live().name()).isEqualTo("app-blue");
    assertThat(h.production().lostProductionAt("app-green")).isPresent();
  }

  @Test
  void swapBack_leavesProductionAloneWhenTheOldLiveIsNoLongerFit() throws Exception {
    Undo undo = swapped();
    h.aws.put(Envs.from(h.aws.current("app-blue").orElseThrow()).health("Red").build());

    assertThat(undo.run(h.log))
        .isEqualTo(
            Undo.Outcome.unchanged(
                "not swapped back: app-blue is Ready/Red (Ok) with v1; "
                    + "production stays on app-green"));
    assertThat(h.aws.count("swapCnames")).isEqualTo(1);
  }

  @Test
  void swapBack_leavesProductionAloneWhenTheOldLiveRunsAVersionNotKnownGood() throws Exception {
    Undo undo = swapped();
    h.aws.put(
        Envs.from(h.aws.current("app-blue").orElseThrow())
            .version("v3")
            .build()); // deployed by someone else

    assertThat(undo.run(h.log))
        .isEqualTo(
            Undo.Outcome.unchanged(
                "not swapped back: app-blue is Ready/Green (Ok) with v3, "
                    + "a version that did not pass its checks; production stays on app-green"));
    assertThat(h.aws.count("swapCnames")).isEqualTo(1);
  }

  @Test
  void swapBack_failsWhenAnEnvironmentIsGone() throws Exception {
    Undo undo = swapped();
    h.aws.put(
        Envs.from(h.aws.current("app-blue").orElseThrow()).status(Environment.TERMINATED).build());
    assertThatThrownBy(() -> undo.run(h.log))
        .isInstanceOf(StepFailure.class)
        .hasMessage("environment app-blue no longer exists in application app");
  }

  @Test
  void swapBack_afterACancel_skipsTheHttpCheck() throws Exception {
    Undo undo = swapped();
    h.cancellation.request("SIGTERM", h.time.clock());
    assertThat(undo.run(h.log))
        .isEqualTo(
            Undo.Outcome.reverted("swapped back: app-blue (v1) serves " + PRODUCTION + " again"));
    assertThat(h.health.hosts()).isEmpty();
  }

  @Test
  void swapBack_afterACancel_trustsTheCnamesWhenTheCompletionEventIsNotSeenInTime()
      throws Exception {
    Undo undo = swapped();
    h.cancellation.request("SIGTERM", h.time.clock());
    // the events read after the look for a swap under way, which finds none
    h.aws.atEventsRead(
        1,
        g -> {
          g.failOnce("events", "Throttling", 400, "Rate exceeded");
          g.failOnce("events", "Throttling", 400, "Rate exceeded");
        });

    Undo.Outcome o = undo.run(h.log);

    assertThat(o)
        .isEqualTo(
            Undo.Outcome.reverted(
                "swapped back: app-blue holds "
                    + PRODUCTION
                    + " again (cancelled "
                    + "before the swap's completion event; check the environments' events)"));
    assertThat(h.production().roles().live().name()).isEqualTo("app-blue");
  }
}
