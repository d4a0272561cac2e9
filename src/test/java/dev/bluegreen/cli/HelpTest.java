package dev.bluegreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.inputs.Command;
import dev.bluegreen.inputs.Input;
import dev.bluegreen.inputs.Inputs;
import dev.bluegreen.inputs.Strategy;
import dev.bluegreen.plan.Cancellation;
import dev.bluegreen.waiting.VirtualTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What {@code --help} and the tool commands tell a newcomer. */
class HelpTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    VirtualTime time = new VirtualTime(Instant.parse("2026-01-01T00:00:00Z"));
    Host host =
        new Host(
            Map.of(),
            time.clock(),
            time,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            dir,
            new Cancellation());
    return Cli.run(host, args);
  }

  private List<String> outLines() {
    return Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n", -1));
  }

  @Test
  void exitCodes_eachOnItsOwnLine() {
    assertThat(run("--help")).isZero();

    List<String> lines = outLines();
    int from = lines.indexOf("Exit codes:");
    assertThat(from).as(out.toString(StandardCharsets.UTF_8)).isPositive();
    assertThat(lines.subList(from + 1, from + 5))
        .containsExactly(
            "  0  success",
            "  1  failed; production untouched or restored",
            "  2  invalid input or usage; nothing changed",
            "  3  failed, and production needs a person");
  }

  /**
   * The "Required:" section of each command names the inputs whose requirement applies to it, and
   * with which strategy: the same declarations the request's rules use.
   */
  @ParameterizedTest
  @EnumSource(Command.class)
  void requiredSection_namesWhatTheCommandNeeds(Command command) {
    assertThat(run(command.input(), "--help")).isZero();

    List<String> expected = new ArrayList<>();
    List<String> always = new ArrayList<>();
    for (Input<?> input : Inputs.ALL) {
      boolean all =
          Arrays.stream(Strategy.values()).allMatch(s -> input.requirement().appliesTo(command, s));
      boolean some =
          Arrays.stream(Strategy.values()).anyMatch(s -> input.requirement().appliesTo(command, s));
      if (all && !input.requirement().actionsDefault()) {
        always.add(input.flag());
      } else if (some) {
        expected.add(input.flag());
      }
    }
    List<String> lines = outLines();
    int from = lines.indexOf("Required:");
    assertThat(from).as(out.toString(StandardCharsets.UTF_8)).isPositive();
    List<String> section = new ArrayList<>();
    for (String l : lines.subList(from + 1, lines.size())) {
      if (!l.startsWith("  ")) {
        break;
      }
      section.add(l.trim());
    }
    assertThat(section.get(0)).isEqualTo(String.join(", ", always));
    assertThat(section.subList(1, section.size()))
        .extracting(l -> l.split("\\s+", 2)[0])
        .containsExactlyElementsOf(expected);
  }

  @Test
  void deployHelp_marksTheConditionalRequirements() {
    assertThat(run("deploy", "--help")).isZero();

    assertThat(outLines())
        .contains(
            "Required:",
            "  --application-name, --blue-environment, --green-environment",
            "  --production-cname     required with strategy swap",
            "  --version-label        required outside GitHub Actions");
  }

  @Test
  void cleanupHelp_needsNoProductionCname() {
    assertThat(run("cleanup", "--help")).isZero();

    int from = outLines().indexOf("Required:");
    assertThat(outLines().get(from + 1))
        .isEqualTo("  --application-name, --blue-environment, --green-environment");
    assertThat(outLines().get(from + 2)).doesNotStartWith("  --");
  }

  @Test
  void demo_unknownScenario_listsTheScenarios() {
    assertThat(run("demo", "--scenario", "foo")).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "bluegreen demo: unknown scenario 'foo'; the scenarios are healthy, unhealthy, reverted, "
                + "throttled, red-after-swap, lost-swap-answer\n");
  }
}
