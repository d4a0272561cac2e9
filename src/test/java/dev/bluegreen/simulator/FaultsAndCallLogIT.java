package dev.bluegreen.simulator;

import static dev.bluegreen.simulator.SimHarness.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentHealth;
import software.amazon.awssdk.services.elasticbeanstalk.model.EventDescription;

/**
 * Fault injection (one failing operation, latency, an environment turning Red) and the call log.
 */
class FaultsAndCallLogIT {

  SimHarness h;

  @BeforeEach
  void start() throws Exception {
    h = SimHarness.start();
    h.sim.seed(Seed.pair("shop"));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void failOperationFailsTheNextCallsOfThatOperationOnly() {
    h.sim
        .faults()
        .failOperation(
            "SwapEnvironmentCNAMEs",
            400,
            "InvalidParameterValue",
            "Environment named shop-blue is in an invalid state for this operation. Must be Ready.",
            2);
    for (int i = 0; i < 2; i++) {
      assertError(
          () ->
              h.eb.swapEnvironmentCNAMEs(
                  r ->
                      r.sourceEnvironmentName("shop-blue")
                          .destinationEnvironmentName("shop-green")),
          400,
          "InvalidParameterValue",
          "Environment named shop-blue is in an invalid state for this operation. Must be Ready.");
      assertThat(h.eb.describeEnvironments(r -> {}).environments()).hasSize(2);
    }
    // The injected failures changed nothing; the third call goes through.
    assertThat(h.env("shop-blue").cname()).isEqualTo("shop.us-east-1.elasticbeanstalk.com");
    h.eb.swapEnvironmentCNAMEs(
        r -> r.sourceEnvironmentName("shop-blue").destinationEnvironmentName("shop-green"));
    assertThat(h.env("shop-blue").cname()).isEqualTo("shop-staging.us-east-1.elasticbeanstalk.com");
    assertThat(h.sim.calls().matching(c -> c.operation().equals("SwapEnvironmentCNAMEs")))
        .extracting(Call::outcome)
        .containsExactly("InvalidParameterValue", "InvalidParameterValue", "OK");
  }

  @Test
  void latencyDelaysButDoesNotBreakCalls() {
    h.sim.faults().latency(Duration.ofMillis(20));
    long start = System.nanoTime();
    assertThat(h.eb.describeEnvironments(r -> {}).environments()).hasSize(2);
    h.s3.putObject(
        r -> r.bucket(h.sim.beanstalk().storageBucket()).key("slow.txt"),
        RequestBody.fromString("slow"));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(40));
    assertThat(h.sim.s3().object(h.sim.beanstalk().storageBucket(), "slow.txt")).isPresent();
  }

  @Test
  void turnRedAt() throws Exception {
    Instant at = h.time.now().plus(Duration.ofMinutes(3));
    h.sim.apps().turnRedAt("shop-blue", at);
    h.advance(Duration.ofMinutes(2));
    assertThat(h.env("shop-blue").health()).isEqualTo(EnvironmentHealth.GREEN);
    h.advance(Duration.ofMinutes(1));
    assertThat(h.env("shop-blue").health()).isEqualTo(EnvironmentHealth.RED);
    assertThat(h.env("shop-green").health()).isEqualTo(EnvironmentHealth.GREEN);
    assertThat(
            h.eb
                .describeEnvironmentHealth(
                    r -> r.environmentName("shop-blue").attributeNamesWithStrings("All"))
                .causes())
        .containsExactly("ELB health is failing or not available for all instances.");
    EventDescription transition =
        h.eb.describeEvents(r -> r.environmentName("shop-blue")).events().get(0);
    assertThat(transition.message())
        .startsWith("Environment health has transitioned from Ok to Severe.");
    assertThat(transition.eventDate()).isEqualTo(at);

    h.sim.apps().clearRed("shop-blue");
    assertThat(h.env("shop-blue").health()).isEqualTo(EnvironmentHealth.GREEN);
  }

  @Test
  void callLogProvesThatNothingWasChanged() throws Exception {
    h.eb.describeEnvironments(r -> {});
    h.eb.describeEvents(r -> r.applicationName("shop"));
    h.eb.describeApplicationVersions(r -> r.applicationName("shop"));
    h.eb.describeConfigurationSettings(r -> r.applicationName("shop").environmentName("shop-blue"));
    h.eb.describeEnvironmentHealth(r -> r.environmentName("shop-blue"));
    h.eb.checkDNSAvailability(r -> r.cnamePrefix("free-name"));
    h.eb.listTagsForResource(r -> r.resourceArn(h.env("shop-blue").environmentArn()));
    h.s3.headObject(r -> r.bucket(h.sim.beanstalk().storageBucket()).key("shop/v1.zip"));
    h.s3.getObjectAsBytes(r -> r.bucket(h.sim.beanstalk().storageBucket()).key("shop/v1.zip"));
    h.get("shop.us-east-1.elasticbeanstalk.com");
    assertThat(h.sim.calls().all()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(h.sim.calls().mutating()).isEmpty();
    assertThat(h.sim.calls().appRequests()).isEqualTo(1);

    // A failed mutating call still counts: it was attempted.
    SimHarness.ebError(() -> h.eb.terminateEnvironment(r -> r.environmentName("shop-nope")));
    h.eb.updateEnvironment(r -> r.environmentName("shop-blue").versionLabel("v1"));
    assertThat(h.sim.calls().mutating())
        .extracting(Call::operation, Call::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("TerminateEnvironment", "InvalidParameterValue"),
            org.assertj.core.groups.Tuple.tuple("UpdateEnvironment", "OK"));
    assertThat(h.sim.calls().mutating().get(1).parameters())
        .containsEntry("EnvironmentName", "shop-blue")
        .containsEntry("VersionLabel", "v1");

    h.sim.calls().clear();
    assertThat(h.sim.calls().all()).isEmpty();
    assertThat(h.sim.calls().appRequests()).isZero();
  }
}
