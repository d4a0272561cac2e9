package dev.bluegreen.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.deploy.Outcome;
import dev.bluegreen.deploy.RunReport;
import dev.bluegreen.deploy.TestRequests;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.inputs.Result;
import dev.bluegreen.plan.StepRecord;
import dev.bluegreen.plan.StepRecord.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryRendererTest {

  private static String render(RunReport r) {
    return SummaryRenderer.render(r, r.succeeded() ? 0 : 1);
  }

  private static RunReport report(List<StepRecord> steps, String failure) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new RunReport(
        TestRequests.of(Command.DEPLOY),
        t,
        t.plusSeconds(90),
        steps,
        List.of(),
        null,
        null,
        null,
        null,
        "app.us-east-1.elasticbeanstalk.com",
        "v1",
        false,
        List.of(),
        List.of(),
        failure,
        failure == null ? null : "deploy-standby",
        failure == null ? new Outcome.Succeeded(Result.PROMOTED) : new Outcome.Failed(false));
  }

  @Test
  void staysUnderGitHubsLimitWhateverItHasToSay() {
    List<StepRecord> steps = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      steps.add(
          new StepRecord(
              "step-" + i,
              "title",
              Status.FAILED,
              Instant.EPOCH,
              Duration.ofSeconds(1),
              "x".repeat(5000)));
    }
    String md = render(report(steps, "y".repeat(100_000)));
    assertThat(md.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(SummaryRenderer.LIMIT_BYTES + 200);
    assertThat(md).endsWith("_(summary truncated to stay under GitHub's 1 MiB limit)_\n");
  }

  @Test
  void tableCellsCannotBreakTheTable() {
    String md =
        render(
            report(
                List.of(
                    new StepRecord(
                        "a",
                        "t",
                        Status.SUCCEEDED,
                        Instant.EPOCH,
                        Duration.ZERO,
                        "one | two\nthree")),
                null));
    assertThat(md).contains("| one \\| two<br>three |");
  }

  @Test
  void valuesFromInputsAndAwsCannotForgeStructureOrLinks() {
    String label = "v2`|<img src=x>[x](http://evil.example)";
    dev.bluegreen.beanstalk.Environment live =
        new dev.bluegreen.beanstalk.Environment(
            "app-green",
            "e-1)(x",
            "app",
            label,
            "app.us-east-1.elasticbeanstalk.com",
            null,
            "Ready",
            "Green",
            null,
            "WebServer",
            null,
            null,
            null,
            null,
            null);
    RunReport base =
        report(
            List.of(
                new StepRecord(
                    "deploy-standby",
                    "t",
                    Status.FAILED,
                    Instant.EPOCH,
                    Duration.ZERO,
                    "failed\n## Forged heading\n| x | y |")),
            "boom\n## Forged\n[click](http://evil.example)");
    RunReport r =
        new RunReport(
            base.request(),
            base.started(),
            base.ended(),
            base.steps(),
            base.rollback(),
            live,
            null,
            live,
            null,
            base.productionCname(),
            "v1",
            false,
            List.of("recovered\n# Forged"),
            List.of(
                new dev.bluegreen.beanstalk.BeanstalkEvent(
                    Instant.EPOCH, "app-green", null, "ERROR", "```\n## Forged from an event")),
            base.failure(),
            base.failedStep(),
            new Outcome.Failed(false));

    String md = render(r);

    assertThat(md.lines().filter(l -> l.startsWith("#")))
        .containsExactly(
            "## ❌ Failed: production is served by a healthy environment",
            "### Recovered",
            "### Environments",
            "### Steps",
            "### Last events");
    assertThat(md)
        .doesNotContain("](http://evil")
        .doesNotContainPattern("(?<!\\\\)<img")
        .contains("environmentId=e-1%29%28x)");
    md.lines()
        .filter(l -> l.startsWith("| **Live**") || l.startsWith("| **Standby**"))
        .forEach(row -> assertThat(MarkdownTest.cellSeparators(row)).as(row).isEqualTo(4));
    md.lines()
        .filter(l -> l.startsWith("| `deploy-standby`"))
        .forEach(row -> assertThat(MarkdownTest.cellSeparators(row)).as(row).isEqualTo(5));
    assertThat(md)
        .contains(
            "````text\n1970-01-01T00:00:00Z ERROR app-green: ``` ⏎ ## Forged from an event\n````\n");
  }

  @Test
  void outputsOfAFailure_includeTheResultAndTheStepsAsJson() {
    Map<String, String> out =
        OutputsMapper.outputs(
            report(
                List.of(
                    new StepRecord(
                        "deploy-standby",
                        "t",
                        Status.FAILED,
                        Instant.EPOCH,
                        Duration.ofMillis(1234),
                        "boom")),
                "boom"));
    assertThat(out)
        .containsEntry("result", "failed")
        .containsEntry("duration-seconds", "90")
        .containsEntry(
            "steps", "[{\"id\":\"deploy-standby\",\"status\":\"failed\",\"seconds\":1.2}]")
        .containsEntry("version-created", "false")
        .doesNotContainKey("live-environment");
  }
}
