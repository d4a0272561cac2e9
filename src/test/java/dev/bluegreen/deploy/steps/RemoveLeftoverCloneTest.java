package dev.bluegreen.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.CloneFindings;
import dev.bluegreen.deploy.Envs;
import dev.bluegreen.deploy.Roles;
import dev.bluegreen.deploy.Tags;
import dev.bluegreen.deploy.Topology;
import dev.bluegreen.plan.Plan;
import dev.bluegreen.plan.Slot;
import dev.bluegreen.plan.Step.Result;
import dev.bluegreen.plan.StepFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoveLeftoverCloneTest {

  private static final Topology.Clone CLONE = new Topology.Clone("app-blue", "app-green");
  private static final Map<String, String> OURS =
      Map.of(Tags.MANAGED_BY, Tags.TOOL, Tags.ROLE, Tags.TEMPORARY);

  private Harness h = Harness.cloneDeploy();

  /** What resolve-environments found: app-blue live, and the leftover. */
  private RemoveLeftoverClone step(Environment leftover) {
    Roles roles = h.resolve(h.live("v1"), null);
    Optional<Environment> idle = Optional.ofNullable(leftover);
    return new RemoveLeftoverClone(
        h.ctx, CLONE, Slot.of(new CloneFindings(roles, idle, false, true, List.of())));
  }

  private Environment leftover(Envs e) {
    return h.aws.put(e.build(), OURS);
  }

  @Test
  void anIdleCloneIsTerminatedAndWaitedForUntilItIsGone() throws Exception {
    RemoveLeftoverClone step = step(leftover(Envs.named("app-green")));
    assertThat(step.plan())
        .isEqualTo("would terminate app-green (left by an earlier run) and wait until it is gone");

    Result<Void> r = step.run(h.log);

    assertThat(r.detail()).isEqualTo("terminated app-green");
    assertThat(h.aws.writes()).containsExactly("terminate(app-green)");
    assertThat(h.aws.current("app-green")).isEmpty();
    assertThat(h.elapsed()).isEqualTo(Duration.ofSeconds(5)); // one poll
  }

  @Test
  void aCloneThatChangedRecently_drainsFirst() throws Exception {
    step(leftover(Envs.named("app-green").updated(Harness.T0.minusSeconds(20)))).run(h.log);
    assertThat(h.logText())
        .contains("waiting 40s for DNS caches to let go of app-green (drain-time)");
    assertThat(h.elapsed()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void aCloneAlreadyTerminating_isOnlyWaitedFor() throws Exception {
    RemoveLeftoverClone step =
        step(leftover(Envs.named("app-green").status(Environment.TERMINATING)));
    h.aws.atRead("app-green", 2, Envs.becomes(Environment.TERMINATED, "Grey"));
    step.run(h.log);
    assertThat(h.aws.writes()).isEmpty();
    assertThat(h.aws.current("app-green")).isEmpty();
  }

  @Test
  void aCloneThatDoesNotGoAway_failsTheWait() {
    h = Harness.cloneDeploy("wait-timeout", "5m");
    StepFailure f =
        h.failure(step(leftover(Envs.named("app-green").status(Environment.TERMINATING))));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f.getMessage())
        .startsWith(
            "Timed out after 5m waiting for app-green to terminate (last: Terminating/Green");
    assertThat(h.elapsed()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aRefusedTermination_failsTheStep() {
    RemoveLeftoverClone step = step(leftover(Envs.named("app-green")));
    h.aws.failOnce("terminate", "InsufficientPrivilegesException", 403, "not allowed to terminate");
    assertThat(h.failure(step)).hasMessage("not allowed to terminate");
  }

  @Test
  void aCancelDuringTheDrain_stopsBeforeTerminating() {
    RemoveLeftoverClone step = step(leftover(Envs.named("app-green").updated(Harness.T0)));
    h.cancellation.request("SIGTERM", h.time.clock());
    StepFailure f = h.failure(step);
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.CANCELLED);
    assertThat(f).hasMessage("cancelled while app-green was draining");
    assertThat(h.aws.writes()).isEmpty();
  }

  @Test
  void withoutALeftover_thereIsNothingToRemove() {
    RemoveLeftoverClone step = step(null);
    assertThat(step.plan()).isEqualTo("nothing to do: no leftover clone");
    assertThat(h.failure(step)).hasMessage("there is no leftover clone");
    Slot<CloneFindings> notResolved =
        Plan.named("dry").thenIf(false, new ResolveClone(h.ctx, CLONE));
    assertThat(new RemoveLeftoverClone(h.ctx, CLONE, notResolved).plan())
        .isEqualTo("nothing to do: no leftover clone");
  }
}
