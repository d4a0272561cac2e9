package dev.bluegreen.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.beanstalk.OptionSetting;
import dev.bluegreen.deploy.Envs;
import dev.bluegreen.deploy.PairFindings;
import dev.bluegreen.deploy.Tags;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.plan.Step.Result;
import dev.bluegreen.plan.StepFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResolveEnvironmentsTest {

  private static final OptionSetting RDS =
      new OptionSetting(null, "aws:rds:dbinstance", "DBEngine", "postgres");

  @ParameterizedTest(name = "production-cname {0}, held by {1}")
  @CsvSource({
    "app,                                         app-blue,  app-green",
    "app,                                         app-green, app-blue",
    "app.us-east-1.elasticbeanstalk.com,          app-blue,  app-green",
    "https://APP.us-east-1.elasticbeanstalk.com/, app-green, app-blue",
  })
  void theLiveEnvironmentHoldsTheProductionCname(
      String productionCname, String holder, String other) throws Exception {
    Harness h = Harness.deploy("production-cname", productionCname);
    h.aws.put(Envs.named(holder).cname("app").version("v1").build());
    h.aws.put(Envs.named(other).cname(other).version("v0").build());

    Result<PairFindings> r = new ResolveEnvironments(h.ctx, true).run(h.log);

    assertThat(r.skipped()).isFalse();
    assertThat(r.detail())
        .isEqualTo(
            "live: "
                + holder
                + " (app.us-east-1.elasticbeanstalk.com, v1, Green); standby: "
                + other
                + " (v0, Green)");
    assertThat(r.value().recovered()).isEmpty();
    assertThat(r.value().roles().live().name()).isEqualTo(holder);
    assertThat(r.value().roles().standby()).map(Environment::name).contains(other);
    assertThat(r.value().roles().productionCname()).isEqualTo(Harness.PRODUCTION);
    assertThat(h.production().roles()).isEqualTo(r.value().roles());
    assertThat(h.production().previousVersion()).contains("v1");
    assertThat(h.production().isGood("v1")).isTrue();
    assertThat(h.aws.writes()).isEmpty();
    assertThat(h.aws.calls()).containsExactly("environments(app-blue, app-green)");
  }

  @Test
  void neitherEnvironmentExists_isAUsageError() {
    Harness h = Harness.deploy();
    StepFailure f = h.failure(new ResolveEnvironments(h.ctx, true));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.USAGE);
    assertThat(f)
        .hasMessage(
            "Neither app-blue nor app-green exists in application app. Create one environment serving "
                + "app first; the tool creates the other.");
    assertThat(h.aws.calls())
        .containsExactly("environments(app-blue, app-green)", "applicationExists(app)");
  }

  @Test
  void anUnknownApplication_isRefused() {
    Harness h = Harness.deploy();
    h.aws.removeApplication("app");
    StepFailure f = h.failure(new ResolveEnvironments(h.ctx, true));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.USAGE);
    assertThat(f)
        .hasMessage(
            "application-name: Elastic Beanstalk has no application named app in us-east-1. Check the "
                + "name and aws-region.");
  }

  @Test
  void aCnameHeldByNeither_namesWhatEachHas() {
    Harness h = Harness.deploy();
    h.aws.put(Envs.named("app-blue").cname("other").build());
    StepFailure f = h.failure(new ResolveEnvironments(h.ctx, true));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.USAGE);
    assertThat(f)
        .hasMessage(
            "production-cname: app is held by neither environment: app-blue has "
                + "other.us-east-1.elasticbeanstalk.com; app-green does not exist. Set production-cname to the CNAME your users "
                + "reach.");
  }

  @Test
  void aCnameHeldOutsideThePair_namesTheHolderAndItsApplication() {
    Harness h = Harness.deploy();
    h.aws.put(Envs.named("app-blue").cname("old").build());
    h.aws.put(Envs.named("legacy-prod").application("legacy").cname("app").build());
    StepFailure f = h.failure(new ResolveEnvironments(h.ctx, true));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.USAGE);
    assertThat(f)
        .hasMessage(
            "production-cname: app is held by neither environment: app-blue has "
                + "old.us-east-1.elasticbeanstalk.com; app-green does not exist. It is held by "
                + "legacy-prod, of application legacy, which is not one of the pair. To deploy "
                + "behind it, set application-name: legacy and name legacy-prod as blue-environment "
                + "or green-environment.");
  }

  @Test
  void aWorkerEnvironment_isRefused() {
    Harness h = Harness.deploy();
    h.live("v1");
    h.aws.put(Envs.named("app-green").cname(null).tier("Worker").build());
    StepFailure f = h.failure(new ResolveEnvironments(h.ctx, true));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.USAGE);
    assertThat(f.getMessage())
        .startsWith(
            "app-green is a Worker environment: it has no CNAME, so there is nothing to "
                + "swap.");
    assertThat(h.production().current()).isEmpty();
  }

  @Test
  void aBusyEnvironment_isWaitedForUntilReady() throws Exception {
    Harness h = Harness.deploy();
    h.aws.put(Envs.named("app-blue").cname("app").status("Updating").health("Grey").build());
    h.standby("v0");
    // read 1 is the lookup; the wait reads at once, then every third tick
    h.aws.atRead(
        "app-blue",
        3,
        Envs.becomes("Ready", "Green", "v1"),
        "Environment update completed successfully.");

    Result<PairFindings> r = new ResolveEnvironments(h.ctx, true).run(h.log);

    assertThat(r.value().roles().live().status()).isEqualTo("Ready");
    assertThat(h.production().roles().live().status()).isEqualTo("Ready");
    assertThat(h.logText())
        .contains("app-blue is Updating; waiting for it to become Ready (at most 30m)");
    assertThat(h.elapsed()).isPositive();
    // the lookup, two reads while waiting, and the pair read again after the wait
    assertThat(h.aws.count("environments")).isEqualTo(4);
    assertThat(h.aws.writes()).isEmpty();
  }

  @Test
  void aBusyEnvironment_thatGoesAway_failsTheWait() {
    Harness h = Harness.deploy();
    h.live("v1");
    h.aws.put(Envs.named("app-green").status("Updating").build());
    h.aws.atRead("app-green", 2, Envs.becomes("Terminating", "Grey"));
    StepFailure f = h.failure(new ResolveEnvironments(h.ctx, true));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f).hasMessage("app-green is Terminating");
  }

  @Test
  void status_reportsABusyEnvironmentWithoutWaiting() throws Exception {
    Harness h = Harness.of(Command.STATUS);
    h.aws.put(Envs.named("app-blue").cname("app").status("Updating").build());
    Result<PairFindings> r = new ResolveEnvironments(h.ctx, false).run(h.log);
    assertThat(r.value().roles().live().status()).isEqualTo("Updating");
    assertThat(r.detail()).endsWith("standby: app-green (missing)");
    assertThat(h.elapsed()).isZero();
    assertThat(h.aws.calls()).containsExactly("environments(app-blue, app-green)");
  }

  @Test
  void aTerminatedStandby_isNotedForRecovery() throws Exception {
    Harness h = Harness.deploy();
    h.live("v1");
    h.aws.put(Envs.named("app-green").status(Environment.TERMINATED).build());

    Result<PairFindings> r = new ResolveEnvironments(h.ctx, true).run(h.log);

    assertThat(r.value().roles().standby()).isEmpty();
    assertThat(r.value().recovered())
        .containsExactly(
            "standby app-green had been terminated; it is created again as a "
                + "clone of app-blue");
    assertThat(r.detail()).endsWith("standby: app-green (missing)");
    assertThat(h.aws.calls())
        .containsExactly("environments(app-blue, app-green)", "optionSettings(app-blue)");
  }

  @Test
  void aManagedDatabase_isRefusedWhenTheStandbyMustBeCreated() {
    Harness h = Harness.deploy();
    h.live("v1");
    h.aws.setOptions("app-blue", RDS);
    StepFailure f = h.failure(new ResolveEnvironments(h.ctx, true));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.USAGE);
    assertThat(f.getMessage())
        .startsWith(
            "app-blue has an Elastic Beanstalk-managed RDS database (aws:rds:dbinstance "
                + "settings).");
  }

  @Test
  void aManagedDatabase_isNoConcernWhenTheStandbyExistsOrNothingIsCreated() throws Exception {
    Harness withStandby = Harness.deploy();
    withStandby.live("v1");
    withStandby.standby("v0");
    withStandby.aws.setOptions("app-blue", RDS);
    assertThat(
            new ResolveEnvironments(withStandby.ctx, true)
                .run(withStandby.log)
                .value()
                .roles()
                .standby())
        .isPresent();
    assertThat(withStandby.aws.count("optionSettings")).isZero();

    Harness rollback = Harness.of(Command.ROLLBACK);
    rollback.live("v1");
    rollback.aws.setOptions("app-blue", RDS);
    assertThat(new ResolveEnvironments(rollback.ctx, true).run(rollback.log).value().recovered())
        .isEmpty();
    assertThat(rollback.aws.count("optionSettings")).isZero();
  }

  @Test
  void cloneStrategyStatus_withoutProductionCname_findsTheCloneLiveByItsTag() throws Exception {
    Harness h = Harness.of(Command.STATUS, "strategy", "clone", "production-cname", "");
    h.aws.put(Envs.named("app-blue").cname("app-blue-tmp").build());
    h.aws.put(
        Envs.named("app-green").cname("app-blue").version("v0").build(),
        Map.of(Tags.MANAGED_BY, Tags.TOOL, Tags.PRODUCTION_CNAME, "app-blue" + Envs.SUFFIX));

    Result<PairFindings> r = new ResolveEnvironments(h.ctx, false).run(h.log);

    assertThat(r.value().roles().live().name()).isEqualTo("app-green");
    assertThat(r.value().roles().standby()).map(Environment::name).contains("app-blue");
    assertThat(h.aws.calls())
        .containsExactly("environments(app-blue, app-green)", "tags(arn:app-green)");
  }

  @Test
  void cloneStrategyStatus_withoutProductionCname_takesThePermanentOneOtherwise() throws Exception {
    Harness h = Harness.of(Command.STATUS, "strategy", "clone", "production-cname", "");
    h.aws.put(Envs.named("app-blue").build());
    h.aws.put(
        Envs.named("app-green").build(),
        Map.of(Tags.MANAGED_BY, Tags.TOOL, Tags.PRODUCTION_CNAME, "app-blue" + Envs.SUFFIX));
    Result<PairFindings> r = new ResolveEnvironments(h.ctx, false).run(h.log);
    assertThat(r.value().roles().live().name()).isEqualTo("app-blue");
    assertThat(r.value().roles().names()).isEqualTo(List.of("app-blue", "app-green"));
  }
}
