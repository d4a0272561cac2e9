package dev.bluegreen.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticbeanstalk.model.CreateEnvironmentResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentHealth;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentStatus;
import software.amazon.awssdk.services.elasticbeanstalk.model.EventDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.UpdateEnvironmentResponse;

/**
 * A whole blue-green life on the controlled clock: launch, deploy, failed deploy, swap, terminate,
 * and versions that misbehave, seen through DescribeEnvironments, DescribeEvents and the
 * applications' HTTP.
 */
class LifecycleIT {

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

  private List<String> messagesSince(String env, Instant since) {
    List<String> m =
        new ArrayList<>(
            h.eb.describeEvents(r -> r.environmentName(env).startTime(since)).events().stream()
                .map(EventDescription::message)
                .toList());
    java.util.Collections.reverse(m);
    return m;
  }

  @Test
  void launchDeployFailSwapTerminate() throws Exception {
    // Launch: Launching/Grey, and the application does not answer yet.
    CreateEnvironmentResponse created =
        h.eb.createEnvironment(
            r ->
                r.applicationName("shop")
                    .environmentName("shop-blue")
                    .cnamePrefix("shop")
                    .versionLabel("v1")
                    .solutionStackName(SimHarness.STACK));
    assertThat(created.status()).isEqualTo(EnvironmentStatus.LAUNCHING);
    assertThat(created.health()).isEqualTo(EnvironmentHealth.GREY);
    SimHarness.AppReply launching = h.get(created.cname());
    assertThat(launching.status()).isNotIn(200, 201, 202, 203, 204).isGreaterThanOrEqualTo(400);
    assertThat(launching.environmentName()).isEqualTo("shop-blue");

    h.advance(Duration.ofMinutes(1));
    assertThat(h.env("shop-blue").status()).isEqualTo(EnvironmentStatus.LAUNCHING);
    h.advance(Duration.ofMinutes(5)); // the launch takes 5 min ± 10 %
    EnvironmentDescription blue = h.env("shop-blue");
    assertThat(blue.status()).isEqualTo(EnvironmentStatus.READY);
    assertThat(blue.health()).isEqualTo(EnvironmentHealth.GREEN);
    assertThat(messagesSince("shop-blue", SimHarness.START))
        .containsSubsequence(
            "createEnvironment is starting.",
            "Using elasticbeanstalk-us-east-1-123456789012 as Amazon S3 storage bucket for environment data.",
            "Successfully launched environment: shop-blue");
    assertThat(h.get("shop.us-east-1.elasticbeanstalk.com"))
        .isEqualTo(new SimHarness.AppReply(200, "v1", "shop-blue"));
    // The load balancer name answers too.
    assertThat(h.get(blue.endpointURL()).body()).isEqualTo("v1");

    // Deploy: Updating, then Ready with the new label; the old version serves until the instances
    // switch.
    h.version("shop", "v2", null);
    Instant deployAt = h.time.now();
    UpdateEnvironmentResponse updating =
        h.eb.updateEnvironment(r -> r.environmentName("shop-blue").versionLabel("v2"));
    assertThat(updating.status()).isEqualTo(EnvironmentStatus.UPDATING);
    assertThat(h.get(blue.cname()).body()).isEqualTo("v1");
    blue = h.awaitStatus("shop-blue", EnvironmentStatus.READY);
    assertThat(blue.versionLabel()).isEqualTo("v2");
    assertThat(Duration.between(deployAt, h.time.now()))
        .isBetween(Duration.ofSeconds(100), Duration.ofSeconds(140));
    assertThat(h.get(blue.cname()).body()).isEqualTo("v2");
    assertThat(messagesSince("shop-blue", deployAt))
        .containsSubsequence(
            "Environment update is starting.", "Environment update completed successfully.");

    // A failing deploy is reverted to the previous label; the app keeps serving v2.
    h.version("shop", "v3-broken", "{\"deploy\":\"fail\"}");
    Instant failAt = h.time.now();
    h.eb.updateEnvironment(r -> r.environmentName("shop-blue").versionLabel("v3-broken"));
    assertThat(h.env("shop-blue").versionLabel()).isEqualTo("v3-broken");
    blue = h.awaitStatus("shop-blue", EnvironmentStatus.READY);
    assertThat(blue.versionLabel()).isEqualTo("v2");
    assertThat(messagesSince("shop-blue", failAt))
        .containsSubsequence(
            "Environment update is starting.",
            "Failed to deploy application.",
            "The environment was reverted to the previous configuration setting.")
        .doesNotContain("Environment update completed successfully.");
    assertThat(h.get(blue.cname())).isEqualTo(new SimHarness.AppReply(200, "v2", "shop-blue"));

    // Green on the staging CNAME with v1, then swap: traffic moves at once.
    EnvironmentDescription green = h.launch("shop", "shop-green", "shop-staging", "v1");
    assertThat(h.get("shop-staging.us-east-1.elasticbeanstalk.com").body()).isEqualTo("v1");
    Instant swapAt = h.time.now();
    String swapRequest =
        h.eb
            .swapEnvironmentCNAMEs(
                r -> r.sourceEnvironmentName("shop-green").destinationEnvironmentName("shop-blue"))
            .responseMetadata()
            .requestId();
    assertThat(h.env("shop-green").cname()).isEqualTo("shop.us-east-1.elasticbeanstalk.com");
    assertThat(h.env("shop-blue").cname()).isEqualTo("shop-staging.us-east-1.elasticbeanstalk.com");
    assertThat(h.get("shop.us-east-1.elasticbeanstalk.com"))
        .isEqualTo(new SimHarness.AppReply(200, "v1", "shop-green"));
    assertThat(h.get("shop-staging.us-east-1.elasticbeanstalk.com"))
        .isEqualTo(new SimHarness.AppReply(200, "v2", "shop-blue"));
    h.advance(Duration.ofSeconds(30));
    List<String> swapEvents =
        h.eb.describeEvents(r -> r.requestId(swapRequest)).events().stream()
            .map(EventDescription::message)
            .toList();
    assertThat(swapEvents)
        .first()
        .isEqualTo("Completed swapping CNAMEs for environments 'shop-green' and 'shop-blue'.");
    assertThat(swapEvents)
        .contains(
            "swapEnvironmentCNAMEs is starting.",
            "Swapping CNAMEs for environments 'shop-green' and 'shop-blue'.",
            "'shop.us-east-1.elasticbeanstalk.com' now points to '" + green.endpointURL() + "'.");
    assertThat(messagesSince("shop-green", swapAt))
        .last()
        .isEqualTo("Completed swapping CNAMEs for environments 'shop-green' and 'shop-blue'.");

    // Terminate the old one: Terminating (no 2xx), then Terminated and still listed.
    h.eb.terminateEnvironment(r -> r.environmentName("shop-blue"));
    SimHarness.AppReply terminating = h.get("shop-staging.us-east-1.elasticbeanstalk.com");
    assertThat(terminating.status()).isNotIn(200, 201, 202, 203, 204).isGreaterThanOrEqualTo(400);
    EnvironmentDescription gone = h.awaitStatus("shop-blue", EnvironmentStatus.TERMINATED);
    assertThat(gone.environmentId()).isEqualTo(blue.environmentId());
    assertThat(h.eb.describeEnvironments(r -> r.applicationName("shop")).environments())
        .extracting(EnvironmentDescription::environmentName, EnvironmentDescription::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("shop-blue", EnvironmentStatus.TERMINATED),
            org.assertj.core.groups.Tuple.tuple("shop-green", EnvironmentStatus.READY));
    assertThat(messagesSince("shop-blue", swapAt))
        .contains(
            "terminateEnvironment is starting.", "terminateEnvironment completed successfully.");
    assertThat(h.get("shop-staging.us-east-1.elasticbeanstalk.com").status())
        .isNotIn(200, 201, 202, 203, 204)
        .isGreaterThanOrEqualTo(400);
    assertThat(h.get("shop.us-east-1.elasticbeanstalk.com").body()).isEqualTo("v1");
  }

  @Test
  void aVersionAnswering500TurnsTheEnvironmentRed() throws Exception {
    EnvironmentDescription blue = h.launch("shop", "shop-blue", "shop", "v1");
    h.version("shop", "v500", "{\"status\":500}");
    h.eb.updateEnvironment(r -> r.environmentName("shop-blue").versionLabel("v500"));
    EnvironmentDescription after = h.awaitStatus("shop-blue", EnvironmentStatus.READY);
    assertThat(after.health()).isEqualTo(EnvironmentHealth.RED);
    assertThat(after.healthStatusAsString()).isEqualTo("Severe");
    SimHarness.AppReply reply = h.get(blue.cname());
    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.body()).isEqualTo("v500");
    assertThat(
            h.eb
                .describeEnvironmentHealth(
                    r -> r.environmentName("shop-blue").attributeNamesWithStrings("All"))
                .causes())
        .containsExactly("100.0 % of the requests are failing with HTTP 5xx.");
    assertThat(h.eb.describeEvents(r -> r.environmentName("shop-blue")).events())
        .extracting(EventDescription::message)
        .contains(
            "Environment health has transitioned from Ok to Severe. 100.0 % of the requests are failing with HTTP 5xx.");
  }

  @Test
  void aVersionDegradesAfterRedAfterSeconds() throws Exception {
    EnvironmentDescription blue = h.launch("shop", "shop-blue", "shop", "v1");
    h.version("shop", "v-rot", "{\"redAfterSeconds\":30}");
    h.eb.updateEnvironment(r -> r.environmentName("shop-blue").versionLabel("v-rot"));
    // Step exactly to the end of the deployment.
    EnvironmentDescription deployed =
        h.advanceUntil(
            "shop-blue", e -> e.status() == EnvironmentStatus.READY, Duration.ofMinutes(10));
    Instant runningSince =
        h.sim.beanstalk().allEvents().stream()
            .filter(e -> e.message().equals("Environment update completed successfully."))
            .reduce((a, b) -> b)
            .orElseThrow()
            .date();
    long secondsRunning = Duration.between(runningSince, h.time.now()).toSeconds();
    assertThat(secondsRunning).isLessThan(30);
    assertThat(deployed.health()).isEqualTo(EnvironmentHealth.GREEN);
    assertThat(h.get(blue.cname())).isEqualTo(new SimHarness.AppReply(200, "v-rot", "shop-blue"));

    h.advance(
        runningSince.plusSeconds(29).isAfter(h.time.now())
            ? Duration.between(h.time.now(), runningSince.plusSeconds(29))
            : Duration.ZERO);
    assertThat(h.env("shop-blue").health()).isEqualTo(EnvironmentHealth.GREEN);
    assertThat(h.get(blue.cname()).status()).isEqualTo(200);

    h.advance(Duration.ofSeconds(2));
    EnvironmentDescription degraded = h.env("shop-blue");
    assertThat(degraded.health()).isEqualTo(EnvironmentHealth.RED);
    assertThat(degraded.status()).isEqualTo(EnvironmentStatus.READY);
    assertThat(h.get(blue.cname()).status()).isEqualTo(503);
  }

  @Test
  void aFailedLaunchIsReadyButRed() throws Exception {
    h.version("shop", "v-bad", "{\"deploy\":\"fail\"}");
    h.eb.createEnvironment(
        r ->
            r.applicationName("shop")
                .environmentName("shop-bad")
                .cnamePrefix("shop-bad")
                .versionLabel("v-bad")
                .solutionStackName(SimHarness.STACK));
    EnvironmentDescription bad = h.awaitStatus("shop-bad", EnvironmentStatus.READY);
    assertThat(bad.health()).isEqualTo(EnvironmentHealth.RED);
    assertThat(h.eb.describeEvents(r -> r.environmentName("shop-bad")).events())
        .extracting(EventDescription::message)
        .contains("Failed to deploy application.")
        .doesNotContain("Successfully launched environment: shop-bad");
    assertThat(h.get(bad.cname()).status())
        .isNotIn(200, 201, 202, 203, 204)
        .isGreaterThanOrEqualTo(400);
  }

  @Test
  void unknownHostsGetABadGateway() throws Exception {
    SimHarness.AppReply r = h.get("nobody.us-east-1.elasticbeanstalk.com");
    assertThat(r.status()).isEqualTo(502);
    assertThat(r.environmentName()).isNull();
    assertThat(h.sim.calls().appRequests()).isEqualTo(1);
  }
}
