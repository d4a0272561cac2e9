package dev.bluegreen.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticbeanstalk.model.CreateEnvironmentResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.DescribeEventsResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentStatus;
import software.amazon.awssdk.services.elasticbeanstalk.model.EventDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.EventSeverity;

/** DescribeEvents filters, order and paging, through the real SDK. */
class EbEventsIT {

  SimHarness h;
  String createRequestId;
  String updateRequestId;

  @BeforeEach
  void start() throws Exception {
    h = SimHarness.start();
    h.app("shop");
    h.version("shop", "v2", null);
    CreateEnvironmentResponse created =
        h.eb.createEnvironment(
            r ->
                r.applicationName("shop")
                    .environmentName("shop-blue")
                    .versionLabel("v1")
                    .solutionStackName(SimHarness.STACK));
    createRequestId = created.responseMetadata().requestId();
    h.awaitStatus("shop-blue", EnvironmentStatus.READY);
    h.launch("shop", "shop-green", null, "v1");
    updateRequestId =
        h.eb
            .updateEnvironment(r -> r.environmentName("shop-blue").versionLabel("v2"))
            .responseMetadata()
            .requestId();
    h.awaitStatus("shop-blue", EnvironmentStatus.READY);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private static List<String> messages(List<EventDescription> events) {
    return events.stream().map(EventDescription::message).toList();
  }

  @Test
  void byEnvironmentNewestFirst() {
    List<EventDescription> events =
        h.eb.describeEvents(r -> r.environmentName("shop-blue")).events();
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.environmentName()).isEqualTo("shop-blue");
              assertThat(e.applicationName()).isEqualTo("shop");
            });
    assertThat(events)
        .extracting(EventDescription::eventDate)
        .isSortedAccordingTo(Comparator.reverseOrder());
    List<String> oldestFirst = new ArrayList<>(messages(events));
    java.util.Collections.reverse(oldestFirst);
    assertThat(oldestFirst)
        .containsSubsequence(
            "createEnvironment is starting.",
            "Using elasticbeanstalk-us-east-1-123456789012 as Amazon S3 storage bucket for environment data.",
            "Successfully launched environment: shop-blue",
            "Environment update is starting.",
            "Environment update completed successfully.");
    assertThat(messages(events)).doesNotContain("Successfully launched environment: shop-green");

    String id = h.env("shop-green").environmentId();
    assertThat(messages(h.eb.describeEvents(r -> r.environmentId(id)).events()))
        .contains("Successfully launched environment: shop-green")
        .noneMatch(m -> m.contains("shop-blue"));
  }

  @Test
  void byRequestId() {
    List<EventDescription> launch = h.eb.describeEvents(r -> r.requestId(createRequestId)).events();
    assertThat(launch)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.requestId()).isEqualTo(createRequestId));
    assertThat(messages(launch))
        .contains("createEnvironment is starting.", "Successfully launched environment: shop-blue")
        .doesNotContain("Environment update is starting.");
    List<EventDescription> update = h.eb.describeEvents(r -> r.requestId(updateRequestId)).events();
    assertThat(messages(update)).first().isEqualTo("Environment update completed successfully.");
    assertThat(messages(update)).last().isEqualTo("Environment update is starting.");
  }

  @Test
  void startTimeIsInclusiveAndEndTimeExclusive() {
    List<EventDescription> all = h.eb.describeEvents(r -> r.environmentName("shop-blue")).events();
    EventDescription pivot =
        all.stream()
            .filter(e -> e.message().equals("Environment update is starting."))
            .findFirst()
            .orElseThrow();
    Instant at = pivot.eventDate();
    List<EventDescription> since =
        h.eb.describeEvents(r -> r.environmentName("shop-blue").startTime(at)).events();
    assertThat(messages(since))
        .contains("Environment update is starting.", "Environment update completed successfully.")
        .doesNotContain("createEnvironment is starting.");
    assertThat(since).allSatisfy(e -> assertThat(e.eventDate()).isAfterOrEqualTo(at));
    List<EventDescription> before =
        h.eb.describeEvents(r -> r.environmentName("shop-blue").endTime(at)).events();
    assertThat(messages(before))
        .contains("createEnvironment is starting.")
        .doesNotContain("Environment update is starting.");
    assertThat(since.size() + before.size()).isEqualTo(all.size());
  }

  @Test
  void severityFilter() {
    h.version("shop", "v3", "{\"deploy\":\"fail\"}");
    h.eb.updateEnvironment(r -> r.environmentName("shop-green").versionLabel("v3"));
    h.awaitStatus("shop-green", EnvironmentStatus.READY);
    List<EventDescription> warnings =
        h.eb.describeEvents(r -> r.applicationName("shop").severity(EventSeverity.WARN)).events();
    assertThat(messages(warnings)).contains("Failed to deploy application.");
    assertThat(warnings)
        .allSatisfy(
            e ->
                assertThat(e.severity())
                    .isIn(EventSeverity.WARN, EventSeverity.ERROR, EventSeverity.FATAL));
    assertThat(
            h.eb
                .describeEvents(r -> r.applicationName("shop").severity(EventSeverity.TRACE))
                .events())
        .hasSizeGreaterThan(warnings.size());
  }

  @Test
  void maxRecordsAndNextToken() {
    List<EventDescription> all = h.eb.describeEvents(r -> r.applicationName("shop")).events();
    assertThat(all).hasSizeGreaterThan(7);
    List<EventDescription> paged = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      DescribeEventsResponse page =
          h.eb.describeEvents(r -> r.applicationName("shop").maxRecords(3).nextToken(t));
      assertThat(page.events()).hasSizeBetween(1, 3);
      paged.addAll(page.events());
      token = page.nextToken();
    } while (token != null);
    assertThat(paged).isEqualTo(all);
    // The paginator the SDK generates from the model walks the same pages.
    assertThat(
            h
                .eb
                .describeEventsPaginator(r -> r.applicationName("shop").maxRecords(3))
                .events()
                .stream()
                .toList())
        .isEqualTo(all);
    assertThat(h.eb.describeEvents(r -> r.applicationName("shop").maxRecords(3)).nextToken())
        .isNotNull();
    SimHarness.assertError(
        () -> h.eb.describeEvents(r -> r.maxRecords(0)),
        400,
        "ValidationError",
        "1 validation error detected: Value '0' at 'maxRecords' failed to satisfy constraint: "
            + "Member must have value between 1 and 1000");
  }
}
