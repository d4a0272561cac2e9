package dev.bluegreen.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Envs;
import dev.bluegreen.deploy.Leftovers;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.plan.Plan;
import dev.bluegreen.plan.Slot;
import dev.bluegreen.plan.Step.Result;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.waiting.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoveLeftoversTest {

  private static final String TEMPLATE = "bluegreen-app-green-run-0";

  private final Harness h = Harness.of(Command.CLEANUP);

  private RemoveLeftovers step(Leftovers l) {
    return new RemoveLeftovers(h.ctx, Slot.of(l));
  }

  private Leftovers everything() {
    Environment a = h.aws.put(Envs.named("api-tmp").build());
    Environment b = h.aws.put(Envs.named("web-tmp").build());
    h.aws.addTemplate(TEMPLATE);
    h.aws.addVersion("v1", Map.of());
    h.aws.addVersion("v2", Map.of());
    return new Leftovers(List.of(a, b), List.of(TEMPLATE), List.of("v1", "v2"));
  }

  @Test
  void nothingFound_nothingRemoved() throws Exception {
    Result<Void> r = step(Leftovers.NONE).run(h.log);
    assertThat(r.skipped()).isTrue();
    assertThat(r.detail()).isEqualTo("nothing to remove");
    assertThat(h.aws.calls()).isEmpty();
  }

  @Test
  void removesEnvironmentsTemplatesAndVersions_keepingBundles() throws Exception {
    Leftovers l = everything();
    assertThat(step(l).plan())
        .isEqualTo(
            "would terminate api-tmp, web-tmp; delete templates ["
                + TEMPLATE
                + "]; delete "
                + "versions [v1, v2]");

    Result<Void> r = step(l).run(h.log);

    assertThat(r.detail())
        .isEqualTo("terminated api-tmp, web-tmp, deleted 1 template(s) and 2 version(s)");
    assertThat(h.aws.writes())
        .containsExactly(
            "terminate(api-tmp)",
            "terminate(web-tmp)",
            "deleteTemplate(" + TEMPLATE + ")",
            "deleteVersion(v1, false)",
            "deleteVersion(v2, false)");
    assertThat(h.elapsed()).isZero(); // changed long ago: nothing to drain
  }

  @Test
  void aTemporaryThatChangedRecently_drainsFirst() throws Exception {
    Environment e = h.aws.put(Envs.named("api-tmp").updated(Harness.T0.minusSeconds(50)).build());
    step(new Leftovers(List.of(e), List.of(), List.of())).run(h.log);
    assertThat(h.elapsed()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void everyProblemIsCollected_andTheRestIsStillRemoved() {
    Leftovers l = everything();
    h.aws.failOnce("terminate", "InvalidParameterValue", 400, "busy");
    h.aws.failOnce("deleteVersion", "SourceBundleDeletion", 400, "in use");

    StepFailure f = h.failure(step(l));

    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f)
        .hasMessage("could not terminate api-tmp: busy; could not delete version v1: in use");
    assertThat(h.aws.writes())
        .containsExactly(
            "terminate(api-tmp)",
            "terminate(web-tmp)",
            "deleteTemplate(" + TEMPLATE + ")",
            "deleteVersion(v1, false)",
            "deleteVersion(v2, false)");
  }

  @Test
  void aCancelDuringADrain_stops() {
    Environment e = h.aws.put(Envs.named("api-tmp").updated(Harness.T0).build());
    h.cancellation.request("SIGINT", h.time.clock());
    StepFailure f = h.failure(step(new Leftovers(List.of(e), List.of(TEMPLATE), List.of())));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.CANCELLED);
    assertThat(f).hasMessage("cancelled while api-tmp was draining");
    assertThat(h.aws.writes()).isEmpty();
  }

  @Test
  void planBeforeAnythingWasFound() {
    Slot<Leftovers> notFound = Plan.named("dry").thenIf(false, new FindLeftovers(h.ctx));
    assertThat(new RemoveLeftovers(h.ctx, notFound).plan())
        .isEqualTo("would terminate no environment; delete templates []; delete versions []");
  }

  /**
   * Finding: unlike retire-standby and the clone's undo, this step does not look at the environment
   * again after draining. A temporary that takes the production CNAME meanwhile (a deploy run's
   * clone swapped in while cleanup waits out its drain-time) is terminated while it serves
   * production.
   */
  @Test
  void aTemporaryThatTakesProductionDuringTheDrain_isKept() throws Exception {
    h.aws.put(Envs.named("app-blue").cname("app").build());
    Environment clone = h.aws.put(Envs.named("app-tmp").updated(Harness.T0).build());
    Instant swapAt = Harness.T0.plusSeconds(30);
    h.time.addObserver(
        new VirtualTime.Observer() {
          @Override
          public Instant nextStop(Instant from) {
            return from.isBefore(swapAt) ? swapAt : Instant.MAX;
          }

          @Override
          public void passing(Instant from, Instant to) {
            if (from.equals(swapAt)) {
              h.aws.swapCnames("app-tmp", "app-blue");
            }
          }
        });

    String detail = step(new Leftovers(List.of(clone), List.of(), List.of())).run(h.log).detail();

    assertThat(h.aws.writes()).containsExactly("swapCnames(app-tmp, app-blue)");
    assertThat(h.aws.current("app-tmp")).map(Environment::cname).contains(Harness.PRODUCTION);
    assertThat(detail).startsWith("terminated no environment (kept app-tmp)");
    assertThat(h.logText())
        .contains("kept app-tmp: its CNAME changed to " + Harness.PRODUCTION + " while it drained");
  }
}
