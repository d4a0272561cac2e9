package dev.bluegreen.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentHealth;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentStatus;
import software.amazon.awssdk.services.elasticbeanstalk.model.EventDescription;

/** What a seed sets up, as the SDK sees it, and that seeded environments stay quiet. */
class SeededStateIT {

  SimHarness h;

  @BeforeEach
  void start() throws Exception {
    h = SimHarness.start();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void thePairIsRunningAndServing() throws Exception {
    h.sim.seed(Seed.pair("shop"));
    List<EnvironmentDescription> envs =
        h.eb.describeEnvironments(r -> r.applicationName("shop")).environments();
    assertThat(envs)
        .extracting(
            EnvironmentDescription::environmentName,
            EnvironmentDescription::cname,
            EnvironmentDescription::status,
            EnvironmentDescription::health,
            EnvironmentDescription::versionLabel)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "shop-blue",
                "shop.us-east-1.elasticbeanstalk.com",
                EnvironmentStatus.READY,
                EnvironmentHealth.GREEN,
                "v1"),
            org.assertj.core.groups.Tuple.tuple(
                "shop-green",
                "shop-staging.us-east-1.elasticbeanstalk.com",
                EnvironmentStatus.READY,
                EnvironmentHealth.GREEN,
                "v1"));
    assertThat(
            h.eb
                .describeApplicationVersions(r -> r.applicationName("shop"))
                .applicationVersions()
                .get(0)
                .sourceBundle()
                .s3Key())
        .isEqualTo("shop/v1.zip");
    assertThat(
            h.s3
                .headObject(
                    r -> r.bucket("elasticbeanstalk-us-east-1-123456789012").key("shop/v1.zip"))
                .contentType())
        .isEqualTo("application/zip");
    assertThat(h.get("shop.us-east-1.elasticbeanstalk.com"))
        .isEqualTo(new SimHarness.AppReply(200, "v1", "shop-blue"));
    assertThat(h.get("shop-staging.us-east-1.elasticbeanstalk.com").environmentName())
        .isEqualTo("shop-green");
  }

  @Test
  void seededEnvironmentsDoNotLogLaunchEventsLater() {
    h.sim.seed(Seed.pair("shop"));
    List<EventDescription> atSeed =
        h.eb.describeEvents(r -> r.environmentName("shop-blue")).events();
    assertThat(atSeed)
        .extracting(EventDescription::message)
        .contains("Successfully launched environment: shop-blue");
    h.advance(Duration.ofMinutes(30));
    List<EventDescription> later =
        h.eb.describeEvents(r -> r.environmentName("shop-blue")).events();
    assertThat(later).isEqualTo(atSeed);
    assertThat(later.get(0).eventDate()).isEqualTo(SimHarness.START);
  }

  @Test
  void terminatingDuringLaunchStopsTheLaunchEvents() {
    h.app("shop");
    h.eb.createEnvironment(
        r ->
            r.applicationName("shop")
                .environmentName("shop-blue")
                .versionLabel("v1")
                .solutionStackName(SimHarness.STACK));
    h.eb.terminateEnvironment(r -> r.environmentName("shop-blue"));
    h.awaitStatus("shop-blue", EnvironmentStatus.TERMINATED);
    h.advance(Duration.ofMinutes(10));
    List<String> oldestFirst =
        new java.util.ArrayList<>(
            h.eb.describeEvents(r -> r.environmentName("shop-blue")).events().stream()
                .map(EventDescription::message)
                .toList());
    java.util.Collections.reverse(oldestFirst);
    assertThat(oldestFirst)
        .containsExactly(
            "createEnvironment is starting.",
            "terminateEnvironment is starting.",
            "terminateEnvironment completed successfully.");
  }

  @Test
  void seedFileWithBehaviourAndWorkerTier() throws Exception {
    h.sim.seed(
        Seed.fromJson(
            """
        {"application": "api",
         "versions": [{"label": "ok"}, {"label": "broken", "behaviour": {"status": 503, "body": "down"}}],
         "environments": [
           {"name": "api-live", "cnamePrefix": "api-live", "version": "broken", "tags": {"team": "core"}},
           {"name": "api-worker", "version": "ok", "tier": "Worker", "database": true}]}
        """));
    EnvironmentDescription live = h.env("api-live");
    assertThat(live.health()).isEqualTo(EnvironmentHealth.RED);
    assertThat(h.get(live.cname())).isEqualTo(new SimHarness.AppReply(503, "down", "api-live"));
    assertThat(h.eb.listTagsForResource(r -> r.resourceArn(live.environmentArn())).resourceTags())
        .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("team=core"));
    EnvironmentDescription worker = h.env("api-worker");
    assertThat(worker.cname()).isNull();
    assertThat(worker.tier().name()).isEqualTo("Worker");
    assertThat(
            h.eb
                .describeConfigurationSettings(
                    r -> r.applicationName("api").environmentName("api-worker"))
                .configurationSettings()
                .get(0)
                .optionSettings())
        .anySatisfy(
            o ->
                assertThat(o.namespace() + "/" + o.optionName())
                    .isEqualTo("aws:rds:dbinstance/DBEngine"));
  }
}
