package dev.bluegreen.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.deploy.Envs;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.plan.Step.Result;
import dev.bluegreen.plan.StepFailure;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rollback: production (app-blue) runs v2; the standby app-green should run an older version. */
class CheckRollbackTargetTest {

  private final Harness h = Harness.of(Command.ROLLBACK);

  @BeforeEach
  void versions() {
    for (String v : new String[] {"v1", "v2", "v3"}) {
      h.aws.addVersion(v, Map.of()); // listed newest first: v3, v2, v1
    }
  }

  private CheckRollbackTarget step() {
    return new CheckRollbackTarget(h.ctx);
  }

  @Test
  void aHealthyStandbyWithTheOlderVersion_canTakeProductionBack() throws Exception {
    h.resolve(h.live("v2"), h.standby("v1"));

    Result<Void> r = step().run(h.log);

    assertThat(r.detail()).isEqualTo("app-green runs v1 (production: v2)");
    assertThat(h.production().isGood("v1")).isTrue();
    assertThat(h.aws.calls()).containsExactly("versions()");
  }

  @Test
  void withoutAStandby_thereIsNothingToRollBackTo() {
    h.resolve(h.live("v2"), null);
    StepFailure f = h.failure(step());
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f)
        .hasMessage("there is no other environment to roll back to: app-green does not exist");
  }

  @ParameterizedTest(name = "standby {0}/{1}")
  @CsvSource({"Ready, Red", "Updating, Green", "Ready, Grey"})
  void anUnfitStandby_cannotTakeProduction(String status, String health) {
    h.resolve(
        h.live("v2"),
        h.aws.put(Envs.named("app-green").status(status).health(health).version("v1").build()));
    assertThat(h.failure(step()))
        .hasMessage("cannot roll back to app-green: it is " + status + "/" + health + " (Ok)");
    assertThat(h.production().isGood("v1")).isFalse();
  }

  @Test
  void theSameVersionOnBoth_isNoRollback() {
    h.resolve(h.live("v2"), h.standby("v2"));
    assertThat(h.failure(step()))
        .hasMessage("cannot roll back: app-green runs the same version as production (v2)");
  }

  @Test
  void aNewerVersionOnTheStandby_isAPromotionNotARollback() {
    h.resolve(h.live("v2"), h.standby("v3"));
    assertThat(h.failure(step()))
        .hasMessage(
            "cannot roll back: app-green runs v3, which is newer than production's v2; "
                + "use command swap to promote it");
  }

  @Test
  void aVersionNoLongerListed_isNotJudgedByAge() throws Exception {
    h.resolve(h.live("v2"), h.standby("v0-deleted"));
    assertThat(step().run(h.log).detail()).isEqualTo("app-green runs v0-deleted (production: v2)");
  }
}
