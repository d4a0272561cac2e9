package dev.bluegreen.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.beanstalk.NewEnvironment;
import dev.bluegreen.deploy.Envs;
import dev.bluegreen.deploy.Tags;
import dev.bluegreen.deploy.Topology;
import dev.bluegreen.plan.Step.Result;
import dev.bluegreen.plan.StepFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnsureStandbyTest {

  private static final Topology.Pair PAIR = new Topology.Pair("app-blue", "app-green");
  private static final String TEMPLATE = "bluegreen-app-green-run-1";

  private final Harness h = Harness.deploy();

  private EnsureStandby step() {
    return new EnsureStandby(h.ctx, PAIR);
  }

  @Test
  void anExistingStandby_isLeftAsItIs() throws Exception {
    Environment standby = h.standby("v0");
    h.resolve(h.live("v1"), standby);

    Result<Environment> r = step().run(h.log);

    assertThat(r.skipped()).isTrue();
    assertThat(r.detail()).isEqualTo("app-green exists");
    assertThat(r.value()).isEqualTo(standby);
    assertThat(h.aws.calls()).isEmpty();
    assertThat(step().plan()).isEqualTo("nothing to do: app-green exists");
  }

  @Test
  void aMissingStandby_isCreatedAsACopyOfLiveThroughATemplate() throws Exception {
    h.resolve(h.live("v1"), null);
    assertThat(step().plan()).isEqualTo("would create app-green as a copy of app-blue");

    Result<Environment> r = step().run(h.log);

    assertThat(h.aws.writes())
        .containsExactly(
            "createTemplate(" + TEMPLATE + ", e-app-blue)",
            "createEnvironment(app-green, " + TEMPLATE + ", v1, null)",
            "deleteTemplate(" + TEMPLATE + ")");
    NewEnvironment spec = h.aws.launched().get(0);
    assertThat(spec.description()).isEqualTo("Copy of app-blue made by beanstalk-blue-green");
    assertThat(spec.tags())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Tags.MANAGED_BY, Tags.TOOL, Tags.ROLE, Tags.STANDBY, Tags.RUN_ID, "run-1"));
    Environment standby = r.value();
    assertThat(standby.name()).isEqualTo("app-green");
    assertThat(standby.stateLine()).isEqualTo("Ready/Green (Ok)");
    assertThat(standby.versionLabel()).isEqualTo("v1");
    assertThat(r.detail()).isEqualTo("created app-green (" + standby.cname() + ")");
    assertThat(h.production().roles().standby()).contains(standby);
    assertThat(h.aws.templateNames()).isEmpty();
  }

  @Test
  void aStandbyNameTakenByAnotherApplication_isRefusedNamingThatApplication() {
    h.resolve(h.live("v1"), null);
    h.aws.put(Envs.named("app-green").application("billing").cname("billing").build());

    StepFailure f = h.failure(step());

    assertThat(f)
        .hasMessage(
            "Environment app-green already exists. app-green belongs to application billing; "
                + "environment names are unique in a region across applications: choose another "
                + "name.");
    assertThat(h.aws.writes())
        .containsExactly(
            "createTemplate(" + TEMPLATE + ", e-app-blue)",
            "createEnvironment(app-green, " + TEMPLATE + ", v1, null)",
            "deleteTemplate(" + TEMPLATE + ")");
  }

  @Test
  void aLostAnswerToCreateEnvironment_findsTheEnvironmentByThisRunsTag() throws Exception {
    h.resolve(h.live("v1"), null);
    h.aws.failOnceAfterEffect("createEnvironment", null, 0, "Connection reset");

    Result<Environment> r = step().run(h.log);

    assertThat(r.value().name()).isEqualTo("app-green");
    assertThat(h.aws.count("createEnvironment")).isEqualTo(1);
    assertThat(h.logText()).contains("CreateEnvironment app-green was carried out");
  }

  @Test
  void theStandbyIsTheOtherOneOfThePair() throws Exception {
    h.resolve(Envs.named("app-green").cname("app").build(), null);
    assertThat(step().title()).isEqualTo("Make sure the standby app-blue exists");
    assertThat(step().run(h.log).value().name()).isEqualTo("app-blue");
  }

  @Test
  void aTerminatedStandby_getsItsCnamePrefixBack() throws Exception {
    h.aws.put(Envs.named("app-green").cname("app-green").status(Environment.TERMINATED).build());
    h.resolve(h.live("v1"), null);

    Environment standby = step().run(h.log).value();

    assertThat(h.aws.launched())
        .extracting(NewEnvironment::cnamePrefix)
        .containsExactly("app-green");
    assertThat(standby.cname()).isEqualTo("app-green" + Envs.SUFFIX);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "app-green.us-east-1.elasticbeanstalk.com, app-green",
    "APP-Green.eu-west-1.elasticbeanstalk.com, app-green",
    "app-green.elasticbeanstalk.com,           app-green",
    "green.example.com,                        ",
  })
  void onlyAnElasticBeanstalkCnameGivesItsPrefix(String terminatedCname, String prefix)
      throws Exception {
    h.aws.put(
        Envs.named("app-green").cname(terminatedCname).status(Environment.TERMINATED).build());
    h.resolve(h.live("v1"), null);
    step().run(h.log);
    assertThat(h.aws.launched()).extracting(NewEnvironment::cnamePrefix).containsExactly(prefix);
  }

  @Test
  void aTakenCnamePrefix_fallsBackToAGeneratedOne() throws Exception {
    h.aws.put(Envs.named("app-green").cname("app-green").status(Environment.TERMINATED).build());
    h.aws.takePrefix("app-green");
    h.resolve(h.live("v1"), null);

    Environment standby = step().run(h.log).value();

    assertThat(h.aws.launched())
        .extracting(NewEnvironment::cnamePrefix)
        .containsExactly((String) null);
    assertThat(h.aws.count("createEnvironment")).isEqualTo(2);
    assertThat(standby.cname()).isNotEqualTo("app-green" + Envs.SUFFIX);
    assertThat(h.logText())
        .contains("CNAME prefix app-green is taken; app-green gets a generated CNAME");
  }

  @Test
  void aFailedLaunch_failsTheStepAndStillDeletesTheTemplate() {
    h.resolve(h.live("v1"), null);
    h.aws.nextLaunchOf(
        "app-green",
        Envs.becomes("Ready", "Red"),
        "Create environment operation is complete, but with "
            + "errors. For more information, see troubleshooting documentation.");

    StepFailure f = h.failure(step());

    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f)
        .hasMessage(
            "app-green: Create environment operation is complete, but with errors. For more information, "
                + "see troubleshooting documentation.");
    assertThat(h.aws.writes()).last().isEqualTo("deleteTemplate(" + TEMPLATE + ")");
    assertThat(h.production().roles().standby()).isEmpty();
  }

  @Test
  void aRefusedCreateEnvironment_failsTheStepAndDeletesTheTemplate() {
    h.resolve(h.live("v1"), null);
    h.aws.failOnce(
        "createEnvironment", "InsufficientPrivilegesException", 403, "not allowed to create");
    StepFailure f = h.failure(step());
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f).hasMessage("not allowed to create");
    assertThat(h.aws.templateNames()).isEmpty();
  }

  @Test
  void aRefusedTemplate_createsNothing() {
    h.resolve(h.live("v1"), null);
    h.aws.failOnce(
        "createTemplate", "TooManyConfigurationTemplatesException", 400, "too many templates");
    StepFailure f = h.failure(step());
    assertThat(f).hasMessage("too many templates");
    assertThat(h.aws.writes()).containsExactly("createTemplate(" + TEMPLATE + ", e-app-blue)");
  }

  @Test
  void aTemplateThatCannotBeDeleted_isLeftForCleanup() throws Exception {
    h.resolve(h.live("v1"), null);
    h.aws.failOnce("deleteTemplate", "Throttling", 400, "Rate exceeded");
    Result<Environment> r = step().run(h.log);
    assertThat(r.skipped()).isFalse();
    assertThat(h.logText())
        .contains(
            "could not delete configuration template "
                + TEMPLATE
                + " (cleanup removes it "
                + "later): Rate exceeded");
    assertThat(h.aws.templateNames()).containsExactly(TEMPLATE);
  }
}
