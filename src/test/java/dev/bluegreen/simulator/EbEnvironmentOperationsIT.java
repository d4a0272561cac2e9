package dev.bluegreen.simulator;

import static dev.bluegreen.simulator.SimHarness.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticbeanstalk.model.CheckDnsAvailabilityResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.DescribeEnvironmentHealthResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.ElasticBeanstalkException;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentHealth;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentHealthAttribute;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentHealthStatus;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentStatus;
import software.amazon.awssdk.services.elasticbeanstalk.model.ResourceNotFoundException;
import software.amazon.awssdk.services.elasticbeanstalk.model.Tag;
import software.amazon.awssdk.services.elasticbeanstalk.model.TerminateEnvironmentResponse;

/**
 * Environments once they exist: swap, terminate, describe, health, DNS, tags and abort, through the
 * real SDK.
 */
class EbEnvironmentOperationsIT {

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
  void swapByNamesAndByIds() {
    EnvironmentDescription blue = h.launch("shop", "shop-blue", "shop", "v1");
    EnvironmentDescription green = h.launch("shop", "shop-green", "shop-staging", "v1");

    h.eb.swapEnvironmentCNAMEs(
        b -> b.sourceEnvironmentName("shop-blue").destinationEnvironmentName("shop-green"));
    assertThat(h.env("shop-blue").cname()).isEqualTo(green.cname());
    assertThat(h.env("shop-green").cname()).isEqualTo(blue.cname());
    // The load balancers stay with their environments.
    assertThat(h.env("shop-blue").endpointURL()).isEqualTo(blue.endpointURL());

    h.eb.swapEnvironmentCNAMEs(
        b ->
            b.sourceEnvironmentId(blue.environmentId())
                .destinationEnvironmentId(green.environmentId()));
    assertThat(h.env("shop-blue").cname()).isEqualTo(blue.cname());
    assertThat(h.env("shop-green").cname()).isEqualTo(green.cname());

    assertError(
        () ->
            h.eb.swapEnvironmentCNAMEs(
                b -> b.sourceEnvironmentName("shop-blue").destinationEnvironmentName("shop-nope")),
        400,
        "InvalidParameterValue",
        "No Environment found for EnvironmentName = 'shop-nope'.");
    assertError(
        () ->
            h.eb.swapEnvironmentCNAMEs(
                b ->
                    b.sourceEnvironmentId(blue.environmentId())
                        .destinationEnvironmentName("shop-green")),
        400,
        "InvalidParameterCombination",
        "If you specify the SourceEnvironmentId, you must specify the DestinationEnvironmentId.");

    // Both sides must be Ready.
    h.version("shop", "v2", null);
    h.eb.updateEnvironment(b -> b.environmentName("shop-green").versionLabel("v2"));
    assertError(
        () ->
            h.eb.swapEnvironmentCNAMEs(
                b -> b.sourceEnvironmentName("shop-blue").destinationEnvironmentName("shop-green")),
        400,
        "InvalidParameterValue",
        "Environment named shop-green is in an invalid state for this operation. Must be Ready.");
    assertThat(h.env("shop-blue").cname()).isEqualTo(blue.cname());
  }

  @Test
  void terminateEnvironment() {
    EnvironmentDescription blue = h.launch("shop", "shop-blue", "shop", "v1");
    TerminateEnvironmentResponse t = h.eb.terminateEnvironment(b -> b.environmentName("shop-blue"));
    assertThat(t.status()).isEqualTo(EnvironmentStatus.TERMINATING);
    assertThat(t.health()).isEqualTo(EnvironmentHealth.GREY);
    assertThat(t.abortableOperationInProgress()).isFalse();
    assertError(
        () -> h.eb.terminateEnvironment(b -> b.environmentName("shop-blue")),
        400,
        "InvalidParameterValue",
        "Environment named shop-blue is in an invalid state for this operation. Must be Ready.");

    EnvironmentDescription gone = h.awaitStatus("shop-blue", EnvironmentStatus.TERMINATED);
    assertThat(gone.environmentId()).isEqualTo(blue.environmentId());
    // Still listed by name and id, without IncludeDeleted.
    assertThat(
            h.eb.describeEnvironments(b -> b.environmentIds(blue.environmentId())).environments())
        .extracting(EnvironmentDescription::status)
        .containsExactly(EnvironmentStatus.TERMINATED);
    assertError(
        () -> h.eb.terminateEnvironment(b -> b.environmentName("shop-blue")),
        400,
        "InvalidParameterValue",
        "No Environment found for EnvironmentName = 'shop-blue'.");
    assertError(
        () -> h.eb.terminateEnvironment(b -> b.environmentName("x-never")),
        400,
        "InvalidParameterValue",
        "No Environment found for EnvironmentName = 'x-never'.");

    // The CNAME is free again and the name can be reused while the terminated one lingers.
    assertThat(h.eb.checkDNSAvailability(b -> b.cnamePrefix("shop")).available()).isTrue();
    h.eb.createEnvironment(
        b ->
            b.applicationName("shop")
                .environmentName("shop-blue")
                .cnamePrefix("shop")
                .versionLabel("v1")
                .solutionStackName(SimHarness.STACK));
    assertThat(h.eb.describeEnvironments(b -> b.environmentNames("shop-blue")).environments())
        .extracting(EnvironmentDescription::status)
        .containsExactlyInAnyOrder(EnvironmentStatus.TERMINATED, EnvironmentStatus.LAUNCHING);

    // After an hour it is only listed when deleted ones are asked for.
    h.advance(Duration.ofMinutes(65));
    assertThat(h.eb.describeEnvironments(b -> b.environmentNames("shop-blue")).environments())
        .extracting(EnvironmentDescription::status)
        .containsExactly(EnvironmentStatus.READY);
    assertThat(
            h.eb
                .describeEnvironments(b -> b.environmentNames("shop-blue").includeDeleted(true))
                .environments())
        .extracting(EnvironmentDescription::environmentId)
        .contains(blue.environmentId());
    assertThat(
            h.eb
                .describeEnvironments(
                    b ->
                        b.environmentNames("shop-blue")
                            .includeDeleted(true)
                            .includedDeletedBackTo(h.time.now()))
                .environments())
        .extracting(EnvironmentDescription::environmentId)
        .doesNotContain(blue.environmentId());
  }

  @Test
  void describeEnvironmentsByNamesAndIds() {
    EnvironmentDescription blue = h.launch("shop", "shop-blue", "shop", "v1");
    EnvironmentDescription green = h.launch("shop", "shop-green", "shop-staging", "v1");
    h.eb.createApplication(b -> b.applicationName("blog"));
    h.version("blog", "b1", null);
    h.launch("blog", "blog-live", null, "b1");

    assertThat(h.eb.describeEnvironments(b -> {}).environments()).hasSize(3);
    assertThat(h.eb.describeEnvironments(b -> b.applicationName("shop")).environments())
        .extracting(EnvironmentDescription::environmentName)
        .containsExactly("shop-blue", "shop-green");
    assertThat(
            h.eb
                .describeEnvironments(b -> b.environmentNames("shop-green", "blog-live"))
                .environments())
        .extracting(EnvironmentDescription::environmentName)
        .containsExactlyInAnyOrder("shop-green", "blog-live");
    assertThat(
            h.eb.describeEnvironments(b -> b.environmentIds(blue.environmentId())).environments())
        .extracting(EnvironmentDescription::environmentName)
        .containsExactly("shop-blue");
    assertThat(h.eb.describeEnvironments(b -> b.environmentNames("nobody")).environments())
        .isEmpty();
    var firstPage = h.eb.describeEnvironments(b -> b.maxRecords(2));
    assertThat(firstPage.environments()).hasSize(2);
    assertThat(firstPage.nextToken()).isNotNull();
    var secondPage =
        h.eb.describeEnvironments(b -> b.maxRecords(2).nextToken(firstPage.nextToken()));
    assertThat(secondPage.environments())
        .extracting(EnvironmentDescription::environmentName)
        .containsExactly("blog-live");
    assertThat(secondPage.nextToken()).isNull();
    EnvironmentDescription g =
        h.eb
            .describeEnvironments(b -> b.environmentIds(green.environmentId()))
            .environments()
            .get(0);
    assertThat(g.status()).isEqualTo(EnvironmentStatus.READY);
    assertThat(g.health()).isEqualTo(EnvironmentHealth.GREEN);
    assertThat(g.healthStatus()).isEqualTo(EnvironmentHealthStatus.OK);
    assertThat(g.cname()).isEqualTo("shop-staging.us-east-1.elasticbeanstalk.com");
  }

  @Test
  void describeEnvironmentHealth() {
    h.eb.createEnvironment(
        b ->
            b.applicationName("shop")
                .environmentName("shop-blue")
                .versionLabel("v1")
                .solutionStackName(SimHarness.STACK));
    DescribeEnvironmentHealthResponse launching =
        h.eb.describeEnvironmentHealth(
            b -> b.environmentName("shop-blue").attributeNames(EnvironmentHealthAttribute.ALL));
    assertThat(launching.statusAsString()).isEqualTo("Launching");
    assertThat(launching.color()).isEqualTo("Grey");

    EnvironmentDescription ready = h.awaitStatus("shop-blue", EnvironmentStatus.READY);
    DescribeEnvironmentHealthResponse r =
        h.eb.describeEnvironmentHealth(
            b ->
                b.environmentId(ready.environmentId())
                    .attributeNames(EnvironmentHealthAttribute.ALL));
    assertThat(r.environmentName()).isEqualTo("shop-blue");
    // The model types Status as the colour enum; the service sends the environment status.
    assertThat(r.status()).isEqualTo(EnvironmentHealth.UNKNOWN_TO_SDK_VERSION);
    assertThat(r.statusAsString()).isEqualTo("Ready");
    assertThat(r.color()).isEqualTo("Green");
    assertThat(r.healthStatus()).isEqualTo("Ok");
    assertThat(r.causes()).isEmpty();
    assertThat(r.instancesHealth().ok()).isEqualTo(1);
    assertThat(r.refreshedAt())
        .isEqualTo(h.time.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

    assertError(
        () -> h.eb.describeEnvironmentHealth(b -> b.environmentName("shop-nope")),
        400,
        "InvalidParameterValue",
        "No Environment found for EnvironmentName = 'shop-nope'.");
  }

  @Test
  void checkDnsAvailability() {
    h.launch("shop", "shop-blue", "shop-live", "v1");
    CheckDnsAvailabilityResponse taken = h.eb.checkDNSAvailability(b -> b.cnamePrefix("shop-live"));
    assertThat(taken.available()).isFalse();
    assertThat(taken.fullyQualifiedCNAME()).isEqualTo("shop-live.us-east-1.elasticbeanstalk.com");
    CheckDnsAvailabilityResponse free = h.eb.checkDNSAvailability(b -> b.cnamePrefix("shop-free"));
    assertThat(free.available()).isTrue();
    assertThat(free.fullyQualifiedCNAME()).isEqualTo("shop-free.us-east-1.elasticbeanstalk.com");
  }

  @Test
  void tags() {
    EnvironmentDescription blue = h.launch("shop", "shop-blue", null, "v1");
    String arn = blue.environmentArn();
    h.eb.updateTagsForResource(
        b ->
            b.resourceArn(arn)
                .tagsToAdd(
                    Tag.builder().key("owner").value("me").build(),
                    Tag.builder().key("cost").value("1").build()));
    h.eb.updateTagsForResource(b -> b.resourceArn(arn).tagsToRemove("cost"));
    Map<String, String> tags =
        h.eb.listTagsForResource(b -> b.resourceArn(arn)).resourceTags().stream()
            .collect(Collectors.toMap(Tag::key, Tag::value));
    assertThat(tags).containsEntry("owner", "me").doesNotContainKey("cost");
    assertThat(h.eb.listTagsForResource(b -> b.resourceArn(arn)).resourceArn()).isEqualTo(arn);

    String unknown = "arn:aws:elasticbeanstalk:us-east-1:123456789012:environment/shop/nope";
    ElasticBeanstalkException e =
        SimHarness.ebError(() -> h.eb.listTagsForResource(b -> b.resourceArn(unknown)));
    assertThat(e).isInstanceOf(ResourceNotFoundException.class);
    assertError(
        e, 400, "ResourceNotFoundException", "Resource not found for ARN '" + unknown + "'.");
    assertThat(
            SimHarness.ebError(
                () ->
                    h.eb.updateTagsForResource(
                        b ->
                            b.resourceArn(unknown)
                                .tagsToAdd(Tag.builder().key("a").value("b").build()))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void abortEnvironmentUpdate() {
    h.version("shop", "v2", null);
    h.launch("shop", "shop-blue", null, "v1");
    assertError(
        () -> h.eb.abortEnvironmentUpdate(b -> b.environmentName("shop-blue")),
        400,
        "InvalidParameterValue",
        "Environment named shop-blue is in an invalid state for this operation. Must be pending deployment.");

    h.eb.updateEnvironment(b -> b.environmentName("shop-blue").versionLabel("v2"));
    h.advance(Duration.ofSeconds(20));
    h.eb.abortEnvironmentUpdate(b -> b.environmentName("shop-blue"));
    assertThat(h.env("shop-blue").status()).isEqualTo(EnvironmentStatus.ABORTING);
    EnvironmentDescription back = h.awaitStatus("shop-blue", EnvironmentStatus.READY);
    assertThat(back.versionLabel()).isEqualTo("v1");
    assertThat(h.eb.describeEvents(b -> b.environmentName("shop-blue")).events())
        .extracting(e -> e.message())
        .contains(
            "Aborting environment update.",
            "The environment was reverted to the previous configuration setting.")
        .doesNotContain("Environment update completed successfully.");
  }
}
