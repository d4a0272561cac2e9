package dev.bluegreen.simulator;

import static dev.bluegreen.simulator.SimHarness.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticbeanstalk.model.ConfigurationDeploymentStatus;
import software.amazon.awssdk.services.elasticbeanstalk.model.ConfigurationOptionSetting;
import software.amazon.awssdk.services.elasticbeanstalk.model.ConfigurationSettingsDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.CreateConfigurationTemplateResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentStatus;

/** Configuration templates and DescribeConfigurationSettings, through the real SDK. */
class EbConfigurationIT {

  SimHarness h;
  EnvironmentDescription blue;

  @BeforeEach
  void start() throws Exception {
    h = SimHarness.start();
    h.sim.seed(Seed.pair("shop"));
    blue = h.env("shop-blue");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private static Optional<ConfigurationOptionSetting> option(
      List<ConfigurationOptionSetting> all, String namespace, String name) {
    return all.stream()
        .filter(o -> o.namespace().equals(namespace) && o.optionName().equals(name))
        .findFirst();
  }

  @Test
  void settingsOfAnEnvironment() {
    List<ConfigurationSettingsDescription> settings =
        h.eb
            .describeConfigurationSettings(
                r -> r.applicationName("shop").environmentName("shop-blue"))
            .configurationSettings();
    assertThat(settings).hasSize(1);
    ConfigurationSettingsDescription s = settings.get(0);
    assertThat(s.environmentName()).isEqualTo("shop-blue");
    assertThat(s.applicationName()).isEqualTo("shop");
    assertThat(s.deploymentStatus()).isEqualTo(ConfigurationDeploymentStatus.DEPLOYED);
    assertThat(s.solutionStackName()).isEqualTo(SimHarness.STACK);
    assertThat(option(s.optionSettings(), "aws:autoscaling:asg", "MinSize"))
        .get()
        .satisfies(
            o -> {
              assertThat(o.value()).isEqualTo("1");
              assertThat(o.resourceName()).isEqualTo("AWSEBAutoScalingGroup");
            });
    assertThat(
            option(
                s.optionSettings(),
                "aws:elasticbeanstalk:application:environment",
                "SPRING_PROFILES_ACTIVE"))
        .get()
        .satisfies(o -> assertThat(o.value()).isEqualTo("prod"));
    // A value-less option comes back without a Value at all.
    assertThat(option(s.optionSettings(), "aws:autoscaling:launchconfiguration", "EC2KeyName"))
        .get()
        .satisfies(o -> assertThat(o.value()).isNull());
  }

  @Test
  void settingsParameterRules() {
    assertError(
        () ->
            h.eb.describeConfigurationSettings(
                r -> r.applicationName("shop").environmentName("shop-blue").templateName("t")),
        400,
        "InvalidParameterCombination",
        "You cannot specify both TemplateName and EnvironmentName.");
    assertError(
        () -> h.eb.describeConfigurationSettings(r -> r.applicationName("shop")),
        400,
        "MissingParameter",
        "You must specify either TemplateName or EnvironmentName.");
    assertError(
        () ->
            h.eb.describeConfigurationSettings(
                r -> r.applicationName("shop").environmentName("shop-nope")),
        400,
        "InvalidParameterValue",
        "No Environment found for EnvironmentName = 'shop-nope'.");
    assertError(
        () ->
            h.eb.describeConfigurationSettings(r -> r.applicationName("shop").templateName("nope")),
        400,
        "InvalidParameterValue",
        "No Configuration Template named 'shop/nope' found.");
  }

  @Test
  void templateFromAnEnvironmentCopiesItsSettings() {
    CreateConfigurationTemplateResponse t =
        h.eb.createConfigurationTemplate(
            r ->
                r.applicationName("shop")
                    .templateName("from-blue")
                    .environmentId(blue.environmentId())
                    .description("copy of blue"));
    assertThat(t.templateName()).isEqualTo("from-blue");
    assertThat(t.applicationName()).isEqualTo("shop");
    assertThat(t.solutionStackName()).isEqualTo(SimHarness.STACK);
    assertThat(t.description()).isEqualTo("copy of blue");

    ConfigurationSettingsDescription s =
        h.eb
            .describeConfigurationSettings(r -> r.applicationName("shop").templateName("from-blue"))
            .configurationSettings()
            .get(0);
    assertThat(s.templateName()).isEqualTo("from-blue");
    assertThat(s.environmentName()).isNull();
    ConfigurationSettingsDescription env =
        h.eb
            .describeConfigurationSettings(
                r -> r.applicationName("shop").environmentName("shop-blue"))
            .configurationSettings()
            .get(0);
    assertThat(s.optionSettings()).containsExactlyElementsOf(env.optionSettings());
    assertThat(
            h.eb
                .describeApplications(r -> r.applicationNames("shop"))
                .applications()
                .get(0)
                .configurationTemplates())
        .containsExactly("from-blue");

    // A new environment launched from the template gets the settings.
    h.eb.createEnvironment(
        r ->
            r.applicationName("shop")
                .environmentName("shop-next")
                .templateName("from-blue")
                .versionLabel("v1"));
    EnvironmentDescription next = h.awaitStatus("shop-next", EnvironmentStatus.READY);
    assertThat(next.templateName()).isEqualTo("from-blue");
    assertThat(next.solutionStackName()).isEqualTo(SimHarness.STACK);
    assertThat(
            option(
                h.eb
                    .describeConfigurationSettings(
                        r -> r.applicationName("shop").environmentName("shop-next"))
                    .configurationSettings()
                    .get(0)
                    .optionSettings(),
                "aws:elasticbeanstalk:application:environment",
                "SPRING_PROFILES_ACTIVE"))
        .get()
        .satisfies(o -> assertThat(o.value()).isEqualTo("prod"));
  }

  @Test
  void templateErrors() {
    h.eb.createConfigurationTemplate(
        r -> r.applicationName("shop").templateName("t1").environmentId(blue.environmentId()));
    assertError(
        () ->
            h.eb.createConfigurationTemplate(
                r ->
                    r.applicationName("shop")
                        .templateName("t1")
                        .environmentId(blue.environmentId())),
        400,
        "InvalidParameterValue",
        "Configuration Template t1 already exists.");
    assertError(
        () ->
            h.eb.createConfigurationTemplate(
                r -> r.applicationName("shop").templateName("t2").environmentId("e-doesnotexi")),
        400,
        "InvalidParameterValue",
        "No Environment found for EnvironmentId = 'e-doesnotexi'.");

    h.version("shop", "v2", null);
    h.eb.updateEnvironment(r -> r.environmentName("shop-blue").versionLabel("v2"));
    assertError(
        () ->
            h.eb.createConfigurationTemplate(
                r ->
                    r.applicationName("shop")
                        .templateName("t3")
                        .environmentId(blue.environmentId())),
        400,
        "InvalidParameterValue",
        "Environment named shop-blue is in an invalid state for this operation. Must be Ready.");
    h.awaitStatus("shop-blue", EnvironmentStatus.READY);
    h.eb.createConfigurationTemplate(
        r -> r.applicationName("shop").templateName("t3").environmentId(blue.environmentId()));
  }

  @Test
  void deleteConfigurationTemplate() {
    h.eb.createConfigurationTemplate(
        r -> r.applicationName("shop").templateName("t1").environmentId(blue.environmentId()));
    h.eb.deleteConfigurationTemplate(r -> r.applicationName("shop").templateName("t1"));
    assertThat(
            h.eb
                .describeApplications(r -> r.applicationNames("shop"))
                .applications()
                .get(0)
                .configurationTemplates())
        .isEmpty();
    assertError(
        () -> h.eb.describeConfigurationSettings(r -> r.applicationName("shop").templateName("t1")),
        400,
        "InvalidParameterValue",
        "No Configuration Template named 'shop/t1' found.");
    assertError(
        () -> h.eb.deleteConfigurationTemplate(r -> r.applicationName("shop").templateName("t1")),
        400,
        "InvalidParameterValue",
        "No Configuration Template named 'shop/t1' found.");
  }
}
