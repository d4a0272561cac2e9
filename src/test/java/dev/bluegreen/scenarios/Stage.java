package dev.bluegreen.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.cli.Cli;
import dev.bluegreen.cli.Host;
import dev.bluegreen.plan.Cancellation;
import dev.bluegreen.simulator.Seed;
import dev.bluegreen.simulator.Simulator;
import dev.bluegreen.simulator.beanstalk.Behaviour;
import dev.bluegreen.simulator.beanstalk.Timings;
import dev.bluegreen.waiting.VirtualTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One end-to-end scenario: the simulator on a virtual clock, seeded; the real command run through
 * picocli in a host made of an environment map and captured output, as the GitHub runner would run
 * it (GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files); and a production prober watching all along.
 */
final class Stage implements AutoCloseable {

  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  static final String APP = "shop";
  static final String BLUE = "shop-blue";
  static final String GREEN = "shop-green";
  static final String PRODUCTION = "shop";

  final VirtualTime time = new VirtualTime(T0);
  final Simulator sim;
  final ProductionProber prober;
  final Path dir;
  final Cancellation cancellation = new Cancellation();
  private final String productionPrefix;

  /** The outcome of one command run. */
  record Run(int exit, String log, Map<String, String> outputs, String summary) {
    /** The summary's text as GitHub shows it: backslash escapes resolved, line breaks as lines. */
    String summaryText() {
      return summary.replaceAll("\\\\(\\p{Punct})", "$1").replace("<br>", "\n");
    }
  }

  Stage(Seed seed) {
    this(seed, 11);
  }

  Stage(Seed seed, long randomSeed) {
    try {
      sim = Simulator.startVirtual(time, Timings.realistic(), randomSeed);
      sim.seed(seed);
      dir = Files.createTempDirectory("bluegreen-scenario-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    productionPrefix = seed.application();
    prober =
        new ProductionProber(
            sim,
            sim.beanstalk().environments().stream()
                .filter(e -> e.cname() != null && e.cname().startsWith(seed.application() + "."))
                .map(e -> e.cname())
                .findFirst()
                .orElse(seed.application() + ".us-east-1.elasticbeanstalk.com"));
    time.addObserver(prober);
  }

  /** The usual pair: shop-blue live on shop, shop-green standby on shop-staging, both on v1. */
  static Stage pair() {
    return new Stage(Seed.pair(APP));
  }

  /** A source bundle directory; {@code behaviourJson} null makes a healthy app. */
  Path bundle(String name, String behaviourJson) {
    try {
      Path d = Files.createDirectories(dir.resolve(name));
      Files.writeString(d.resolve("index.html"), "<h1>" + name + "</h1>\n");
      if (behaviourJson != null) {
        Files.writeString(d.resolve(Behaviour.FILE_NAME), behaviourJson);
      }
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The swap-strategy flags every scenario shares, then the given ones. */
  static String[] swapArgs(String command, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--application-name",
                APP,
                "--blue-environment",
                BLUE,
                "--green-environment",
                GREEN,
                "--production-cname",
                PRODUCTION));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** A deploy of v2 with the swap strategy, from a bundle that behaves so (null: healthy). */
  String[] swapDeployArgs(String behaviourJson, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--version-label",
                "v2",
                "--source-bundle",
                bundle("v2", behaviourJson).toString()));
    args.addAll(List.of(more));
    return swapArgs("deploy", args.toArray(String[]::new));
  }

  /**
   * A deploy of v2 with the clone strategy (shop-blue permanent, {@code temporary} the clone), from
   * a bundle that behaves so (null: healthy).
   */
  String[] cloneDeployArgs(String temporary, String behaviourJson, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "deploy",
                "--application-name",
                APP,
                "--blue-environment",
                BLUE,
                "--green-environment",
                temporary,
                "--strategy",
                "clone",
                "--version-label",
                "v2",
                "--source-bundle",
                bundle("v2", behaviourJson).toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  Run run(String... args) {
    return run(Map.of(), args);
  }

  Run run(Map<String, String> extraEnv, String... args) {
    return run(extraEnv, List.of(), args);
  }

  /**
   * A run whose application context holds {@code beans} in place of the defaults of their types.
   */
  Run run(Map<String, String> extraEnv, List<Object> beans, String... args) {
    try {
      Path output = Files.createTempFile(dir, "output-", ".txt");
      Path summary = Files.createTempFile(dir, "summary-", ".md");
      Map<String, String> env = new LinkedHashMap<>(sim.clientEnvironment());
      env.put("GITHUB_ACTIONS", "true");
      env.put("GITHUB_OUTPUT", output.toString());
      env.put("GITHUB_STEP_SUMMARY", summary.toString());
      env.putAll(extraEnv);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      Host host = new Host(env, time.clock(), time, out, out, dir, cancellation);
      int exit = Cli.run(host, beans, args);
      return new Run(
          exit,
          bytes.toString(StandardCharsets.UTF_8),
          RunnerFiles.parseOutputs(Files.readString(output)),
          Files.readString(summary));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Production never failed a request and never answered with one of the bad versions. */
  void assertProductionAlwaysServed(String... badVersions) {
    if (prober.probes() < 1000) {
      // The run ended at once (a refusal): watch production for a while longer.
      time.advance(java.time.Duration.ofMinutes(1));
    }
    assertThat(prober.probes()).as("probes made").isGreaterThan(1000);
    assertThat(prober.failed()).as("failed production requests: %s", prober.failures()).isZero();
    for (String bad : badVersions) {
      assertThat(prober.servedBy()).as("versions production served").doesNotContainKey(bad);
    }
  }

  /** Fault: the environment taking production turns Red one second after the first swap. */
  void turnRedAfterTheFirstSwap(String environment) {
    time.addObserver(
        new VirtualTime.Observer() {
          boolean armed = true;

          @Override
          public void passing(Instant from, Instant to) {
            if (armed && sim.calls().count("SwapEnvironmentCNAMEs") == 1) {
              armed = false;
              sim.apps().turnRedAt(environment, from.plusSeconds(1));
            }
          }
        });
  }

  String liveName() {
    return sim.beanstalk().environments().stream()
        .filter(
            e ->
                e.cname() != null
                    && e.cname().startsWith(productionPrefix + ".")
                    && !"Terminated".equals(e.status()))
        .map(e -> e.name())
        .findFirst()
        .orElse(null);
  }

  @Override
  public void close() {
    time.removeObserver(prober);
    sim.close();
  }
}
