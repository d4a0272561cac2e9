package dev.bluegreen.simulator;

import static dev.bluegreen.simulator.SimHarness.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.simulator.beanstalk.SimEnvironment;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticbeanstalk.model.ConfigurationOptionSetting;
import software.amazon.awssdk.services.elasticbeanstalk.model.CreateEnvironmentResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentHealth;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentStatus;
import software.amazon.awssdk.services.elasticbeanstalk.model.Tag;
import software.amazon.awssdk.services.elasticbeanstalk.model.UpdateEnvironmentResponse;

/**
 * Environments: create and update, through the real SDK (the other operations:
 * EbEnvironmentOperationsIT).
 */
class EbEnvironmentsIT {

  SimHarness h;

  @BeforeEach
  void start() throws Exception {
    h = SimHarness.start();
    h.app("shop");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void createEnvironmentWithEverything() {
    CreateEnvironmentResponse r =
        h.eb.createEnvironment(
            b ->
                b.applicationName("shop")
                    .environmentName("shop-blue")
                    .cnamePrefix("shop-live")
                    .versionLabel("v1")
                    .solutionStackName(SimHarness.STACK)
                    .description("live")
                    .tags(Tag.builder().key("team").value("web").build())
                    .optionSettings(
                        ConfigurationOptionSetting.builder()
                            .namespace("aws:autoscaling:asg")
                            .optionName("MinSize")
                            .value("2")
                            .resourceName("AWSEBAutoScalingGroup")
                            .build(),
                        ConfigurationOptionSetting.builder()
                            .namespace("aws:elasticbeanstalk:application:environment")
                            .optionName("GREETING")
                            .value("hello world")
                            .build()));
    assertThat(r.environmentName()).isEqualTo("shop-blue");
    assertThat(r.environmentId()).matches("e-[a-z0-9]{10}");
    assertThat(r.applicationName()).isEqualTo("shop");
    assertThat(r.versionLabel()).isEqualTo("v1");
    assertThat(r.status()).isEqualTo(EnvironmentStatus.LAUNCHING);
    assertThat(r.health()).isEqualTo(EnvironmentHealth.GREY);
    assertThat(r.cname()).isEqualTo("shop-live.us-east-1.elasticbeanstalk.com");
    assertThat(r.endpointURL()).endsWith(".us-east-1.elb.amazonaws.com");
    assertThat(r.solutionStackName()).isEqualTo(SimHarness.STACK);
    assertThat(r.platformArn())
        .isEqualTo("arn:aws:elasticbeanstalk:us-east-1::platform/" + SimHarness.STACK);
    assertThat(r.description()).isEqualTo("live");
    assertThat(r.tier().name()).isEqualTo("WebServer");
    assertThat(r.tier().type()).isEqualTo("Standard");
    assertThat(r.environmentArn())
        .isEqualTo("arn:aws:elasticbeanstalk:us-east-1:123456789012:environment/shop/shop-blue");
    assertThat(r.dateCreated()).isEqualTo(SimHarness.START);

    List<ConfigurationOptionSetting> options =
        h.eb
            .describeConfigurationSettings(
                b -> b.applicationName("shop").environmentName("shop-blue"))
            .configurationSettings()
            .get(0)
            .optionSettings();
    assertThat(options)
        .anySatisfy(
            o -> {
              assertThat(o.optionName()).isEqualTo("GREETING");
              assertThat(o.value()).isEqualTo("hello world");
            });
    assertThat(options)
        .anySatisfy(
            o -> {
              assertThat(o.optionName()).isEqualTo("MinSize");
              assertThat(o.value()).isEqualTo("2");
              assertThat(o.resourceName()).isEqualTo("AWSEBAutoScalingGroup");
            });
    Map<String, String> tags =
        h.eb.listTagsForResource(b -> b.resourceArn(r.environmentArn())).resourceTags().stream()
            .collect(Collectors.toMap(Tag::key, Tag::value));
    assertThat(tags)
        .containsEntry("team", "web")
        .containsEntry("elasticbeanstalk:environment-name", "shop-blue")
        .containsEntry("elasticbeanstalk:environment-id", r.environmentId());
  }

  @Test
  void createEnvironmentByPlatformArnWithoutPrefix() {
    String arn =
        "arn:aws:elasticbeanstalk:us-east-1::platform/Corretto 21 running on 64bit Amazon Linux 2023/4.6.0";
    CreateEnvironmentResponse r =
        h.eb.createEnvironment(
            b -> b.applicationName("shop").environmentName("shop-arn").platformArn(arn));
    assertThat(r.platformArn()).isEqualTo(arn);
    assertThat(r.versionLabel()).isNull();
    assertThat(r.cname())
        .matches("shop-arn\\.eba-[a-z0-9]{8}\\.us-east-1\\.elasticbeanstalk\\.com");
  }

  @Test
  void workerTierHasNoCname() {
    CreateEnvironmentResponse r =
        h.eb.createEnvironment(
            b ->
                b.applicationName("shop")
                    .environmentName("shop-worker")
                    .versionLabel("v1")
                    .solutionStackName(SimHarness.STACK)
                    .tier(t -> t.name("Worker").type("SQS/HTTP")));
    assertThat(r.cname()).isNull();
    assertThat(r.tier().name()).isEqualTo("Worker");
    assertThat(r.tier().type()).isEqualTo("SQS/HTTP");
    assertThat(h.awaitStatus("shop-worker", EnvironmentStatus.READY).cname()).isNull();

    assertError(
        () ->
            h.eb.createEnvironment(
                b ->
                    b.applicationName("shop")
                        .environmentName("shop-worker2")
                        .cnamePrefix("shop-worker2")
                        .solutionStackName(SimHarness.STACK)
                        .tier(t -> t.name("Worker").type("SQS/HTTP"))),
        400,
        "InvalidParameterValue",
        "Worker tiers do not support a CNAME.");
  }

  @Test
  void createEnvironmentErrors() {
    assertError(
        () ->
            h.eb.createEnvironment(
                b ->
                    b.applicationName("shop")
                        .environmentName("dev")
                        .solutionStackName(SimHarness.STACK)),
        400,
        "ValidationError",
        "1 validation error detected: Value 'dev' at 'environmentName' failed to satisfy constraint: "
            + "Member must have length greater than or equal to 4");
    String longName = "a".repeat(41);
    assertError(
        () ->
            h.eb.createEnvironment(
                b ->
                    b.applicationName("shop")
                        .environmentName(longName)
                        .solutionStackName(SimHarness.STACK)),
        400,
        "ValidationError",
        "1 validation error detected: Value '"
            + longName
            + "' at 'environmentName' failed to satisfy constraint: "
            + "Member must have length less than or equal to 40");
    assertError(
        () ->
            h.eb.createEnvironment(
                b ->
                    b.applicationName("ghost")
                        .environmentName("ghost-env")
                        .solutionStackName(SimHarness.STACK)),
        400,
        "InvalidParameterValue",
        "No Application named 'ghost' found.");
    assertError(
        () ->
            h.eb.createEnvironment(
                b ->
                    b.applicationName("shop")
                        .environmentName("shop-env")
                        .versionLabel("v404")
                        .solutionStackName(SimHarness.STACK)),
        400,
        "InvalidParameterValue",
        "No Application Version named 'v404' found.");

    h.eb.createEnvironment(
        b ->
            b.applicationName("shop")
                .environmentName("shop-blue")
                .cnamePrefix("shop-live")
                .versionLabel("v1")
                .solutionStackName(SimHarness.STACK));
    assertError(
        () ->
            h.eb.createEnvironment(
                b ->
                    b.applicationName("shop")
                        .environmentName("shop-blue")
                        .solutionStackName(SimHarness.STACK)),
        400,
        "InvalidParameterValue",
        "Environment shop-blue already exists.");
    assertError(
        () ->
            h.eb.createEnvironment(
                b ->
                    b.applicationName("shop")
                        .environmentName("shop-green")
                        .cnamePrefix("shop-live")
                        .solutionStackName(SimHarness.STACK)),
        400,
        "InvalidParameterValue",
        "DNS name (shop-live.us-east-1.elasticbeanstalk.com) is not available.");
    // Only shop-blue exists: no failed call left an environment behind.
    assertThat(h.sim.beanstalk().environments())
        .extracting(SimEnvironment.Snapshot::name)
        .containsExactly("shop-blue");
  }

  @Test
  void updateEnvironmentDeploysAndRefusesWhenNotReady() {
    h.version("shop", "v2", null);
    h.eb.createEnvironment(
        b ->
            b.applicationName("shop")
                .environmentName("shop-blue")
                .versionLabel("v1")
                .solutionStackName(SimHarness.STACK));
    // Launching is not Ready.
    assertError(
        () -> h.eb.updateEnvironment(b -> b.environmentName("shop-blue").versionLabel("v2")),
        400,
        "InvalidParameterValue",
        "Environment named shop-blue is in an invalid state for this operation. Must be Ready.");
    h.awaitStatus("shop-blue", EnvironmentStatus.READY);

    assertError(
        () -> h.eb.updateEnvironment(b -> b.environmentName("shop-blue").versionLabel("v404")),
        400,
        "InvalidParameterValue",
        "No Application Version named 'v404' found.");
    assertError(
        () ->
            h.eb.updateEnvironment(
                b ->
                    b.environmentName("shop-blue")
                        .versionLabel("v2")
                        .optionSettings(
                            ConfigurationOptionSetting.builder()
                                .namespace("aws:autoscaling:asg")
                                .optionName("MinSize")
                                .value("3")
                                .build())),
        400,
        "InvalidParameterCombination",
        "Attempting to update both the release and configuration is not allowed.");
    assertError(
        () -> h.eb.updateEnvironment(b -> b.environmentName("shop-nope").versionLabel("v2")),
        400,
        "InvalidParameterValue",
        "No Environment found for EnvironmentName = 'shop-nope'.");

    UpdateEnvironmentResponse u =
        h.eb.updateEnvironment(b -> b.environmentName("shop-blue").versionLabel("v2"));
    assertThat(u.status()).isEqualTo(EnvironmentStatus.UPDATING);
    assertThat(u.health()).isEqualTo(EnvironmentHealth.GREY);
    assertThat(u.abortableOperationInProgress()).isTrue();
    assertThat(u.versionLabel()).isEqualTo("v2");
    assertError(
        () -> h.eb.updateEnvironment(b -> b.environmentName("shop-blue").versionLabel("v1")),
        400,
        "InvalidParameterValue",
        "Environment named shop-blue is in an invalid state for this operation. Must be Ready.");
    EnvironmentDescription done = h.awaitStatus("shop-blue", EnvironmentStatus.READY);
    assertThat(done.versionLabel()).isEqualTo("v2");
    assertThat(done.health()).isEqualTo(EnvironmentHealth.GREEN);
  }

  @Test
  void updateEnvironmentOptions() {
    h.launch("shop", "shop-blue", null, "v1");
    h.eb.updateEnvironment(
        b ->
            b.environmentName("shop-blue")
                .optionSettings(
                    ConfigurationOptionSetting.builder()
                        .namespace("aws:elasticbeanstalk:application:environment")
                        .optionName("FLAG")
                        .value("on")
                        .build()));
    h.awaitStatus("shop-blue", EnvironmentStatus.READY);
    assertThat(
            h.eb
                .describeConfigurationSettings(
                    b -> b.applicationName("shop").environmentName("shop-blue"))
                .configurationSettings()
                .get(0)
                .optionSettings())
        .anySatisfy(o -> assertThat(o.optionName() + "=" + o.value()).isEqualTo("FLAG=on"));
  }
}
