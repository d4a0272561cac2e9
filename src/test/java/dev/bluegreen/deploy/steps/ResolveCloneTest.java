package dev.bluegreen.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.beanstalk.OptionSetting;
import dev.bluegreen.deploy.CloneFindings;
import dev.bluegreen.deploy.Envs;
import dev.bluegreen.deploy.Tags;
import dev.bluegreen.deploy.Topology;
import dev.bluegreen.plan.Step.Result;
import dev.bluegreen.plan.StepFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResolveCloneTest {

  private static final Topology.Clone CLONE = new Topology.Clone("app-blue", "app-green");
  private static final Map<String, String> OURS =
      Map.of(
          Tags.MANAGED_BY,
          Tags.TOOL,
          Tags.ROLE,
          Tags.TEMPORARY,
          Tags.RUN_ID,
          "run-0",
          Tags.PRODUCTION_CNAME,
          Harness.PRODUCTION);
  private static final OptionSetting RDS =
      new OptionSetting(null, "aws:rds:dbinstance", "DBEngine", "postgres");

  private static Result<CloneFindings> resolve(Harness h) throws Exception {
    return new ResolveClone(h.ctx, CLONE).run(h.log);
  }

  @Test
  void noClone_thePermanentEnvironmentIsLive() throws Exception {
    Harness h = Harness.cloneDeploy();
    h.live("v1");

    Result<CloneFindings> r = resolve(h);

    assertThat(r.detail()).isEqualTo("live: app-blue (app.us-east-1.elasticbeanstalk.com, v1)");
    CloneFindings f = r.value();
    assertThat(f.idleClone()).isEmpty();
    assertThat(f.cloneHoldsProduction()).isFalse();
    assertThat(f.permanentFit()).isTrue();
    assertThat(f.permanentServes()).isTrue();
    assertThat(f.recovered()).isEmpty();
    assertThat(f.roles().live().name()).isEqualTo("app-blue");
    assertThat(f.roles().standby()).isEmpty();
    assertThat(h.production().roles()).isEqualTo(f.roles());
    assertThat(h.aws.calls())
        .containsExactly("environments(app-blue, app-green)", "optionSettings(app-blue)");
  }

  @Test
  void noClone_withoutProductionCname_productionIsThePermanentOnesCname() throws Exception {
    Harness h = Harness.cloneDeploy("production-cname", "");
    h.aws.put(Envs.named("app-blue").build());
    assertThat(resolve(h).value().roles().productionCname()).isEqualTo("app-blue" + Envs.SUFFIX);
  }

  @Test
  void aMissingPermanentEnvironment_isAUsageError() {
    Harness h = Harness.cloneDeploy();
    h.aws.put(Envs.named("app-green").build(), OURS);
    StepFailure f = h.failure(new ResolveClone(h.ctx, CLONE));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.USAGE);
    assertThat(f)
        .hasMessage(
            "blue-environment: app-blue does not exist in application app. With strategy clone it is "
                + "the permanent environment that serves production.");
  }

  @Test
  void aProductionCnameThePermanentEnvironmentDoesNotHold_isAUsageError() {
    Harness h = Harness.cloneDeploy("production-cname", "shop");
    h.live("v1");
    StepFailure f = h.failure(new ResolveClone(h.ctx, CLONE));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.USAGE);
    assertThat(f)
        .hasMessage(
            "production-cname: shop is not held by app-blue (app.us-east-1.elasticbeanstalk.com).");
  }

  @Test
  void aManagedDatabase_isRefusedBeforeAnythingIsCloned() {
    Harness h = Harness.cloneDeploy();
    h.live("v1");
    h.aws.setOptions("app-blue", RDS);
    StepFailure f = h.failure(new ResolveClone(h.ctx, CLONE));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.USAGE);
    assertThat(f.getMessage()).startsWith("app-blue has an Elastic Beanstalk-managed RDS database");
  }

  @Test
  void anIdleCloneOfOurs_isFoundForRemoval() throws Exception {
    Harness h = Harness.cloneDeploy();
    h.live("v1");
    Environment leftover = h.aws.put(Envs.named("app-green").version("v1").build(), OURS);

    Result<CloneFindings> r = resolve(h);

    assertThat(r.detail()).isEqualTo("live: app-blue; leftover clone: app-green");
    assertThat(r.value().idleClone()).contains(leftover);
    assertThat(r.value().cloneHoldsProduction()).isFalse();
    assertThat(r.value().permanentServes()).isTrue();
    assertThat(r.value().recovered())
        .containsExactly(
            "found app-green, an idle clone left by run run-0; it is terminated "
                + "before a new clone is made");
    assertThat(r.value().roles().live().name()).isEqualTo("app-blue");
    assertThat(r.value().roles().standby()).isEmpty();
    assertThat(h.aws.writes()).isEmpty();
  }

  @Test
  void aForeignEnvironmentWithTheClonesName_isRefused() {
    Harness h = Harness.cloneDeploy();
    h.live("v1");
    h.aws.put(Envs.named("app-green").build(), Map.of("team", "payments"));
    StepFailure f = h.failure(new ResolveClone(h.ctx, CLONE));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.USAGE);
    assertThat(f.getMessage())
        .startsWith(
            "green-environment: app-green already exists and was not created by this tool.");
    assertThat(h.production().current()).isEmpty();
  }

  @ParameterizedTest(name = "permanent {0}/{1}: fit {2}")
  @CsvSource({
    "Ready,    Green, true,  'app-green (the clone of run run-0) was serving production; production goes back to app-blue first'",
    "Ready,    Red,   false, 'app-green (the clone of run run-0) was serving production; app-blue is not healthy, so the clone keeps serving while app-blue is deployed'",
  })
  void aCloneHoldingProduction_isRecovered(String status, String health, boolean fit, String note)
      throws Exception {
    Harness h = Harness.cloneDeploy();
    h.aws.put(
        Envs.named("app-blue")
            .cname("app-green-gen7")
            .status(status)
            .health(health)
            .version("v2")
            .build());
    h.aws.put(Envs.named("app-green").cname("app").version("v1").build(), OURS);
    h.aws.setOptions("app-blue", RDS); // not asked: nothing is cloned when the clone already serves

    Result<CloneFindings> r = resolve(h);

    CloneFindings f = r.value();
    assertThat(f.cloneHoldsProduction()).isTrue();
    assertThat(f.permanentFit()).isEqualTo(fit);
    assertThat(f.takesProductionBack()).isEqualTo(fit);
    assertThat(f.permanentServes()).isEqualTo(fit);
    assertThat(f.idleClone()).isEmpty();
    assertThat(f.recovered()).containsExactly(note);
    assertThat(r.detail())
        .isEqualTo(
            "recovered: app-green holds production; app-blue is "
                + status
                + "/"
                + health
                + " (Ok)");
    assertThat(f.roles().live().name()).isEqualTo("app-green");
    assertThat(f.roles().standby()).map(Environment::name).contains("app-blue");
    assertThat(f.roles().productionCname()).isEqualTo(Harness.PRODUCTION);
    assertThat(h.production().previousVersion()).contains("v1");
    assertThat(h.aws.count("optionSettings")).isZero();
  }

  @Test
  void aCloneHoldingProduction_isRecognisedByItsTagWithoutProductionCname() throws Exception {
    Harness h = Harness.cloneDeploy("production-cname", "");
    h.aws.put(Envs.named("app-blue").cname("app-green-gen7").build());
    h.aws.put(Envs.named("app-green").cname("app").build(), OURS);
    assertThat(resolve(h).value().cloneHoldsProduction()).isTrue();
  }

  @Test
  void aBusyPermanentEnvironment_isWaitedForDuringRecovery() throws Exception {
    Harness h = Harness.cloneDeploy();
    h.aws.put(
        Envs.named("app-blue").cname("app-green-gen7").status("Updating").health("Grey").build());
    h.aws.put(Envs.named("app-green").cname("app").build(), OURS);
    h.aws.atRead("app-blue", 2, Envs.becomes("Ready", "Green"));

    CloneFindings f = resolve(h).value();

    assertThat(f.permanentFit()).isTrue();
    assertThat(f.roles().standby()).map(Environment::status).contains("Ready");
    assertThat(h.logText()).contains("app-blue is Updating; waiting for it to become Ready");
  }

  /**
   * Finding: only an idle environment with the clone's name is checked for our tags. A foreign
   * environment that holds production under that name (say, the other half of a pair that used
   * strategy swap before) is taken for an earlier run's clone: the plan then moves production to
   * app-blue, swaps it back to app-green, and finally terminates app-green as the temporary clone.
   */
  @Test
  void aForeignEnvironmentHoldingProduction_isNotTakenForAnEarlierRunsClone() throws Exception {
    Harness h = Harness.cloneDeploy();
    h.aws.put(Envs.named("app-blue").cname("app-blue").version("v1").build());
    h.aws.put(
        Envs.named("app-green").cname("app").version("v1").build(), Map.of("team", "payments"));

    assertThatThrownBy(() -> resolve(h))
        .isInstanceOf(StepFailure.class)
        .hasMessageStartingWith(
            "green-environment: app-green holds the production CNAME (app.us-east-1.elasticbeanstalk.com) "
                + "and was not created by this tool")
        .satisfies(e -> assertThat(((StepFailure) e).kind()).isEqualTo(StepFailure.Kind.USAGE));
    assertThat(h.aws.writes()).isEmpty();
  }
}
