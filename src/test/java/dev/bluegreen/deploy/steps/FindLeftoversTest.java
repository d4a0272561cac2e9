package dev.bluegreen.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Envs;
import dev.bluegreen.deploy.Leftovers;
import dev.bluegreen.deploy.Tags;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.plan.Step.Result;
import dev.bluegreen.plan.StepFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FindLeftoversTest {

  private static Map<String, String> ours(String role) {
    return Map.of(Tags.MANAGED_BY, Tags.TOOL, Tags.ROLE, role, Tags.RUN_ID, "run-0");
  }

  private Harness h = Harness.of(Command.CLEANUP);

  private Result<Leftovers> find() throws Exception {
    return new FindLeftovers(h.ctx).run(h.log);
  }

  @Test
  void findsOnlyIdleTemporariesOfOurs() throws Exception {
    h.aws.put(Envs.named("app-blue").cname("app").build()); // not ours
    Environment idle = h.aws.put(Envs.named("api-tmp").build(), ours(Tags.TEMPORARY));
    h.aws.put(
        Envs.named("web-tmp").cname("web").build(),
        Map.of(
            Tags.MANAGED_BY,
            Tags.TOOL,
            Tags.ROLE,
            Tags.TEMPORARY,
            Tags.PRODUCTION_CNAME,
            "web" + Envs.SUFFIX)); // serves by its tag
    h.aws.put(Envs.named("app-green").build(), ours(Tags.STANDBY)); // a standby stays
    h.aws.put(Envs.named("old-tmp").status(Environment.TERMINATED).build(), ours(Tags.TEMPORARY));
    h.aws.put(
        Envs.named("going-tmp").status(Environment.TERMINATING).build(), ours(Tags.TEMPORARY));

    Result<Leftovers> r = find();

    assertThat(r.value().environments()).containsExactly(idle);
    assertThat(h.logText())
        .contains(
            "WARNING: web-tmp is a temporary clone but holds the production CNAME; it is kept.");
    assertThat(h.aws.calls()).doesNotContain("tags(arn:old-tmp)", "tags(arn:going-tmp)");
    assertThat(h.aws.writes()).isEmpty();
  }

  @Test
  void aTemporaryOnTheProductionCnameInput_isKeptToo() throws Exception {
    h.aws.put(Envs.named("app-green").cname("app").build(), ours(Tags.TEMPORARY));
    assertThat(find().value().environments()).isEmpty();
  }

  @Test
  void findsTheToolsTemplatesOnly() throws Exception {
    h.aws.addTemplate("bluegreen-app-green-run-0");
    h.aws.addTemplate("my-own-template");
    assertThat(find().value().templates()).containsExactly("bluegreen-app-green-run-0");
  }

  @ParameterizedTest(name = "keep-versions {0}")
  @CsvSource({"0, ''", "2, 'v2'", "4, ''", "1, 'v4,v2'"})
  void prunesVersionsBeyondKeepVersionsThatNoEnvironmentUses(int keep, String pruned)
      throws Exception {
    h = Harness.of(Command.CLEANUP, "keep-versions", String.valueOf(keep));
    for (String v : List.of("v1", "v2", "v3", "v4", "v5")) {
      h.aws.addVersion(v, Map.of()); // newest first: v5 ... v1
    }
    h.aws.put(Envs.named("app-blue").cname("app").version("v1").build());
    h.aws.put(Envs.named("app-green").version("v3").status(Environment.TERMINATING).build());
    h.aws.put(Envs.named("app-old").version("v2").status(Environment.TERMINATED).build());

    Result<Leftovers> r = find();

    List<String> expected = pruned.isEmpty() ? List.of() : List.of(pruned.split(","));
    assertThat(r.value().versions()).isEqualTo(expected);
    assertThat(h.aws.count("versions")).isEqualTo(keep == 0 ? 0 : 1);
    assertThat(r.detail())
        .isEqualTo(
            "0 temporary environment(s), 0 template(s), "
                + expected.size()
                + " version(s) to "
                + "remove");
  }

  @Test
  void aFailedListing_failsTheStep() {
    h.aws.failOnce("environments", "AccessDenied", 403, "not allowed to describe");
    StepFailure f = h.failure(new FindLeftovers(h.ctx));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f).hasMessage("not allowed to describe");
  }
}
