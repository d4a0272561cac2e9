package dev.bluegreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.inputs.Command;
import dev.bluegreen.inputs.Input;
import dev.bluegreen.inputs.Inputs;
import dev.bluegreen.inputs.Inputs.Output;
import dev.bluegreen.inputs.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * action.yml, the CLI and the README describe the inputs and outputs of {@link Inputs}, and nothing
 * else. The action.yml {@code inputs:}/{@code outputs:} blocks and the README tables are rendered
 * from {@link Inputs} and compared line by line. After changing {@link Inputs}, rewrite them with
 * {@code mvn -q -B test -Dtest=ActionContractTest -Dcontract.write=true}.
 */
class ActionContractTest {

  private static final Path ACTION_YML = Path.of("action.yml");
  private static final Path README = Path.of("README.md");

  /** Rewrite the generated parts in place instead of failing (explicit opt-in, never in CI). */
  private static final boolean WRITE = Boolean.getBoolean("contract.write");

  private static final String HINT =
      " (after changing Inputs.java: mvn -q -B test -Dtest=ActionContractTest "
          + "-Dcontract.write=true)";

  /**
   * The subcommands that act on an application: each takes every input except `command` as a
   * --flag.
   */
  private static final List<String> ACTION_COMMANDS =
      List.of("deploy", "swap", "rollback", "status", "cleanup");

  /** Subcommands that are not values of the `command` input. */
  private static final Set<String> TOOL_COMMANDS = Set.of("simulate", "demo", "benchmark");

  /** Options of the action subcommands that are not inputs. */
  private static final Set<String> NOT_INPUTS = Set.of("--help", "--version", "--stacktrace");

  /** GitHub's branding colours (metadata syntax reference). */
  private static final Set<String> BRANDING_COLORS =
      Set.of("white", "black", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark");

  // ---------------------------------------------------------------- action.yml

  @Test
  @DisplayName(
      "action.yml declares exactly Inputs.ALL: names, order, descriptions, defaults, required: false")
  void actionYml_inputs_matchInputs() throws IOException {
    assertBlock(ACTION_YML, "inputs", renderActionInputs());
  }

  @Test
  @DisplayName("action.yml declares exactly Inputs.OUTPUTS with their descriptions")
  void actionYml_outputs_matchOutputs() throws IOException {
    assertBlock(ACTION_YML, "outputs", renderActionOutputs());
  }

  @Test
  @DisplayName("action.yml runs the prebuilt image as a docker action, without args or entrypoint")
  void actionYml_runs_prebuiltDockerImage() throws IOException {
    Map<String, String> runs = simpleMap(topLevelBlock(lines(ACTION_YML), "runs"));
    assertThat(runs)
        .containsEntry("using", "docker")
        .doesNotContainKeys("args", "entrypoint", "pre-entrypoint", "post-entrypoint", "env");
    assertThat(runs.get("image"))
        .matches("docker://ghcr\\.io/[a-z0-9-]+/beanstalk-blue-green:\\d+\\.\\d+\\.\\d+");
  }

  @Test
  @DisplayName("action.yml has a name, a short description, an author and valid branding")
  void actionYml_metadata_isComplete() throws IOException {
    List<String> lines = lines(ACTION_YML);
    Map<String, String> top = simpleMap(lines);
    assertThat(top.get("name")).isNotBlank();
    assertThat(top.get("author")).isNotBlank();
    assertThat(top.get("description")).isNotBlank().hasSizeLessThanOrEqualTo(125);
    Map<String, String> branding = simpleMap(topLevelBlock(lines, "branding"));
    assertThat(branding.get("color")).isIn(BRANDING_COLORS);
    assertThat(branding.get("icon")).isNotBlank();
  }

  // ---------------------------------------------------------------- CLI

  @ParameterizedTest(
      name = "bluegreen {0} takes --<input> for every input except command, and nothing else")
  @ValueSource(strings = {"deploy", "swap", "rollback", "status", "cleanup"})
  void subcommand_options_areTheInputs(String subcommand) {
    CommandLine command = root().getSubcommands().get(subcommand);
    assertThat(command).as("subcommand " + subcommand).isNotNull();
    Set<String> options =
        command.getCommandSpec().options().stream()
            .map(OptionSpec::longestName)
            .filter(n -> !NOT_INPUTS.contains(n))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> expected =
        Inputs.ALL.stream()
            .map(Input::name)
            .filter(n -> !n.equals("command"))
            .map(n -> "--" + n)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(options)
        .as("options of bluegreen " + subcommand)
        .containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName(
      "the command input's documented values are the action subcommands and the Command enum")
  void commandInput_values_areTheSubcommands() {
    List<String> subcommands =
        root().getSubcommands().keySet().stream().filter(n -> !TOOL_COMMANDS.contains(n)).toList();
    List<String> enumValues = Arrays.stream(Command.values()).map(Command::input).toList();
    List<String> documented = documentedCommandValues();
    assertThat(subcommands).isEqualTo(ACTION_COMMANDS);
    assertThat(enumValues).isEqualTo(ACTION_COMMANDS);
    assertThat(documented).isEqualTo(ACTION_COMMANDS);
    assertThat(Inputs.named("command").orElseThrow().defaultText()).isIn(ACTION_COMMANDS);
  }

  // ---------------------------------------------------------------- README

  @Test
  @DisplayName("the README's inputs table lists Inputs.ALL with the same defaults")
  void readme_inputsTable_matchesInputs() throws IOException {
    assertMarked(README, "inputs", renderReadmeInputs());
  }

  @Test
  @DisplayName("the README defines every value of the result output, with its exit codes")
  void readme_resultsTable_matchesResults() throws IOException {
    assertMarked(README, "results", "Result.java", renderReadmeResults());
  }

  @Test
  @DisplayName("the result output's description lists exactly the values of Result")
  void resultOutput_listsEveryResult() {
    String description =
        Inputs.OUTPUTS.stream()
            .filter(o -> o.name().equals("result"))
            .findFirst()
            .orElseThrow()
            .description();
    assertThat(description).contains(String.join(", ", Result.allValues()));
    assertThat(Result.allValues()).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("the README's outputs table lists Inputs.OUTPUTS")
  void readme_outputsTable_matchesOutputs() throws IOException {
    assertMarked(README, "outputs", renderReadmeOutputs());
  }

  @Test
  @DisplayName("the README's migration guide names every DNXLabs variable the binary honours")
  void readme_migration_namesEveryDnxVariable() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    List<String> variables =
        Stream.concat(
                ActionInputDefaults.DNX.values().stream(),
                Stream.of("RELEASE_HEALTH_CHECKING_PATH", "AUTH_METHOD", "SSO_PROFILE"))
            .sorted()
            .toList();
    assertThat(variables).allSatisfy(v -> assertThat(readme).contains("`" + v));
  }

  // ------------------------------------------------ rendering (the single source: Inputs)

  static List<String> renderActionInputs() {
    List<String> out = new ArrayList<>(List.of("inputs:"));
    for (Input<?> i : Inputs.ALL) {
      out.add("  " + i.name() + ":");
      out.add("    description: " + yamlString(i.description()));
      out.add("    required: false");
      if (!i.defaultText().isEmpty()) {
        out.add("    default: " + yamlString(i.defaultText()));
      }
    }
    return out;
  }

  static List<String> renderActionOutputs() {
    List<String> out = new ArrayList<>(List.of("outputs:"));
    for (Output o : Inputs.OUTPUTS) {
      out.add("  " + o.name() + ":");
      out.add("    description: " + yamlString(o.description()));
    }
    return out;
  }

  static List<String> renderReadmeInputs() {
    List<String> out =
        new ArrayList<>(List.of("| Input | Default | Description |", "|---|---|---|"));
    for (Input<?> i : Inputs.ALL) {
      String def = i.defaultText().isEmpty() ? "—" : "`" + i.defaultText() + "`";
      out.add("| `" + i.name() + "` | " + def + " | " + markdownCell(i.description()) + " |");
    }
    return out;
  }

  static List<String> renderReadmeOutputs() {
    List<String> out = new ArrayList<>(List.of("| Output | Description |", "|---|---|"));
    for (Output o : Inputs.OUTPUTS) {
      out.add("| `" + o.name() + "` | " + markdownCell(o.description()) + " |");
    }
    return out;
  }

  static List<String> renderReadmeResults() {
    List<String> out =
        new ArrayList<>(List.of("| `result` | Exit code | Meaning |", "|---|---|---|"));
    for (Result r : Result.values()) {
      String exits =
          String.join(", ", r.exitCodes().stream().sorted().map(String::valueOf).toList());
      out.add("| `" + r.value() + "` | " + exits + " | " + markdownCell(r.meaning()) + " |");
    }
    return out;
  }

  /** A single-quoted YAML scalar: the only escape is '' for a quote. */
  static String yamlString(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** Table-cell text: a pipe would end the cell, and <...> would be swallowed as an HTML tag. */
  static String markdownCell(String s) {
    return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
  }

  // ---------------------------------------------------------------- reading and comparing

  private static CommandLine root() {
    // The default factory instantiates the subcommands reflectively; their @Inject fields stay
    // null, which is fine because nothing is executed.
    return Cli.withInputOptions(new CommandLine(new BlueGreenCommand()));
  }

  private static List<String> documentedCommandValues() {
    String description = Inputs.named("command").orElseThrow().description();
    Matcher m = Pattern.compile("^What to do: ([a-z, ]+?)\\.").matcher(description);
    assertThat(m.find())
        .as("the command input's description starts 'What to do: a, b or c.': " + description)
        .isTrue();
    return Arrays.stream(m.group(1).split(",\\s*|\\s+or\\s+"))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static List<String> lines(Path file) throws IOException {
    assertThat(file).as(file + " (tests run from the repository root)").exists();
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  /**
   * A top-level YAML key's block: its line and every following indented or blank line, trailing
   * blanks dropped.
   */
  static List<String> topLevelBlock(List<String> lines, String key) {
    int start = lines.indexOf(key + ":");
    if (start < 0) {
      return List.of();
    }
    int end = start + 1;
    while (end < lines.size() && (lines.get(end).isBlank() || lines.get(end).startsWith(" "))) {
      end++;
    }
    while (end > start + 1 && lines.get(end - 1).isBlank()) {
      end--;
    }
    return lines.subList(start, end);
  }

  /**
   * The {@code key: value} pairs at the shallowest indentation of {@code lines} (the block's own
   * line skipped), quotes removed: enough for action.yml's flat keys.
   */
  static Map<String, String> simpleMap(List<String> lines) {
    int indent =
        lines.stream()
            .skip(lines.isEmpty() || lines.get(0).startsWith(" ") ? 0 : 1)
            .filter(l -> !l.isBlank() && !l.trim().startsWith("#"))
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (String l : lines) {
      if (l.isBlank()
          || l.trim().startsWith("#")
          || l.length() - l.stripLeading().length() != indent) {
        continue;
      }
      int colon = l.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String value = l.substring(colon + 1).trim();
      if (value.length() >= 2
          && ((value.startsWith("'") && value.endsWith("'"))
              || (value.startsWith("\"") && value.endsWith("\"")))) {
        value = value.substring(1, value.length() - 1).replace("''", "'");
      }
      map.put(l.substring(0, colon).trim(), value);
    }
    return map;
  }

  private static void assertBlock(Path file, String key, List<String> expected) throws IOException {
    List<String> lines = lines(file);
    List<String> actual = topLevelBlock(lines, key);
    if (WRITE && !actual.equals(expected)) {
      int start = lines.indexOf(key + ":");
      assertThat(start)
          .as(file + " has a top-level '" + key + ":' line to rewrite")
          .isNotNegative();
      List<String> rewritten = new ArrayList<>(lines.subList(0, start));
      rewritten.addAll(expected);
      rewritten.addAll(lines.subList(start + actual.size(), lines.size()));
      Files.write(file, rewritten, StandardCharsets.UTF_8);
      actual = expected;
    }
    assertThat(actual)
        .as(file + " '" + key + ":' block" + HINT)
        .containsExactlyElementsOf(expected);
  }

  /** The lines between {@code <!-- name:start -->} and {@code <!-- name:end -->}. */
  private static void assertMarked(Path file, String name, List<String> expected)
      throws IOException {
    assertMarked(file, name, "Inputs.java", expected);
  }

  private static void assertMarked(Path file, String name, String source, List<String> expected)
      throws IOException {
    List<String> lines = lines(file);
    String begin =
        "<!-- " + name + ":start (generated from " + source + "; ActionContractTest checks it) -->";
    String end = "<!-- " + name + ":end -->";
    int from = lines.indexOf(begin);
    int to = lines.indexOf(end);
    assertThat(from).as(file + " has the line " + begin).isNotNegative();
    assertThat(to).as(file + " has the line " + end + " after " + begin).isGreaterThan(from);
    List<String> actual = lines.subList(from + 1, to);
    if (WRITE && !actual.equals(expected)) {
      List<String> rewritten = new ArrayList<>(lines.subList(0, from + 1));
      rewritten.addAll(expected);
      rewritten.addAll(lines.subList(to, lines.size()));
      Files.write(file, rewritten, StandardCharsets.UTF_8);
      actual = expected;
    }
    assertThat(actual).as(file + " " + name + " table" + HINT).containsExactlyElementsOf(expected);
  }
}
