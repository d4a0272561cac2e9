package dev.bluegreen.cli;

import dev.bluegreen.bundle.Scratch;
import dev.bluegreen.plan.Cancellation;
import dev.bluegreen.simulator.Call;
import dev.bluegreen.simulator.Seed;
import dev.bluegreen.simulator.Simulator;
import dev.bluegreen.simulator.beanstalk.Beanstalk;
import dev.bluegreen.simulator.beanstalk.Timings;
import dev.bluegreen.waiting.Durations;
import dev.bluegreen.waiting.VirtualTime;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures deployments on the simulator with realistic Elastic Beanstalk durations, in virtual
 * time, with the product's default polling and timeouts: how far the run's wall time is above the
 * time Elastic Beanstalk itself needs, and how many API calls it makes. See docs/benchmarks.md.
 */
@Command(
    name = "benchmark",
    hidden = true,
    mixinStandardHelpOptions = true,
    description =
        "Benchmark both strategies on the simulator (virtual time) and print a markdown report.")
final class BenchmarkCommand implements Callable<Integer> {

  @Inject Host host;

  @Option(
      names = "--runs",
      defaultValue = "20",
      description = "runs per case (different simulator seeds); default: 20")
  int runs;

  record Case(String name, String strategy, double throttle) {}

  record Result(Duration wall, Duration criticalPath, Map<String, Integer> calls, int exit) {
    double ratio() {
      return (double) wall.toMillis() / criticalPath.toMillis();
    }

    int totalCalls() {
      return calls.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  @Override
  public Integer call() throws Exception {
    List<Case> cases =
        List.of(
            new Case("swap", "swap", 0),
            new Case("swap, 30 % throttled", "swap", 0.3),
            new Case("clone", "clone", 0),
            new Case("clone, 30 % throttled", "clone", 0.3));
    PrintStream out = host.out();
    out.println(
        "| case | runs | wall time (mean) | EB critical path (mean) | ratio mean | ratio max | API calls mean (max) | failed runs |");
    out.println("|---|---|---|---|---|---|---|---|");
    Map<String, List<Result>> all = new java.util.LinkedHashMap<>();
    for (Case c : cases) {
      List<Result> results = new ArrayList<>();
      for (int i = 1; i <= runs; i++) {
        results.add(run(c, i));
      }
      all.put(c.name(), results);
      out.println(
          "| "
              + c.name()
              + " | "
              + runs
              + " | "
              + Durations.format(mean(results, Result::wall))
              + " | "
              + Durations.format(mean(results, Result::criticalPath))
              + " | "
              + String.format(
                  "%.3f", results.stream().mapToDouble(Result::ratio).average().orElse(0))
              + " | "
              + String.format("%.3f", results.stream().mapToDouble(Result::ratio).max().orElse(0))
              + " | "
              + String.format(
                  "%.1f", results.stream().mapToInt(Result::totalCalls).average().orElse(0))
              + " ("
              + results.stream().mapToInt(Result::totalCalls).max().orElse(0)
              + ") | "
              + results.stream().filter(r -> r.exit() != 0).count()
              + " |");
    }
    out.println();
    for (String strategy : List.of("swap", "clone")) {
      Duration calm = mean(all.get(strategy), Result::wall);
      Duration throttled = mean(all.get(strategy + ", 30 % throttled"), Result::wall);
      out.println(
          "- "
              + strategy
              + ": 30 % throttling adds "
              + String.format(
                  "%.1f %%", 100.0 * (throttled.toMillis() - calm.toMillis()) / calm.toMillis())
              + " wall time");
    }
    out.println();
    out.println("API calls per operation (mean per run):");
    out.println();
    for (Map.Entry<String, List<Result>> e : all.entrySet()) {
      Map<String, Double> perOp = new TreeMap<>();
      for (Result r : e.getValue()) {
        r.calls()
            .forEach((op, n) -> perOp.merge(op, (double) n / e.getValue().size(), Double::sum));
      }
      StringBuilder line = new StringBuilder("- " + e.getKey() + ": ");
      perOp.forEach(
          (op, n) -> line.append(op).append(' ').append(String.format("%.1f", n)).append(", "));
      out.println(line.substring(0, line.length() - 2));
    }
    return 0;
  }

  private Result run(Case c, long seed) throws Exception {
    try (Scratch scratch = new Scratch(Scratch.baseFor(host.env()))) {
      return run(c, seed, scratch.newDirectory("bench-"));
    }
  }

  private Result run(Case c, long seed, Path work) throws Exception {
    Instant start = Instant.parse("2026-01-05T09:00:00Z");
    VirtualTime time = new VirtualTime(start);
    Path bundle = Files.createDirectories(work.resolve("app"));
    Files.writeString(bundle.resolve("index.html"), "v2");
    try (Simulator sim = Simulator.startVirtual(time, Timings.realistic(), seed)) {
      boolean clone = c.strategy().equals("clone");
      sim.seed(
          clone
              ? new Seed(
                  "bench",
                  List.of(new Seed.SeedVersion("v1", null)),
                  List.of(new Seed.SeedEnvironment("bench-blue", "bench", "v1")))
              : Seed.pair("bench"));
      sim.faults().throttle(c.throttle());
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      PrintStream quiet = new PrintStream(sink, true);
      Host h =
          new Host(
              sim.clientEnvironment(), time.clock(), time, quiet, quiet, work, new Cancellation());
      int exit =
          Cli.run(
              h,
              "deploy",
              "--application-name",
              "bench",
              "--blue-environment",
              "bench-blue",
              "--green-environment",
              clone ? "bench-tmp" : "bench-green",
              "--strategy",
              c.strategy(),
              "--production-cname",
              "bench",
              "--version-label",
              "v2",
              "--source-bundle",
              bundle.toString());
      Duration wall = Duration.between(start, time.now());
      Map<String, Integer> calls = new TreeMap<>();
      for (Call call : sim.calls().all()) {
        calls.merge(call.operation(), 1, Integer::sum);
      }
      return new Result(wall, criticalPath(sim.beanstalk().operations(), clone), calls, exit);
    }
  }

  /**
   * What the run cannot go faster than: the Elastic Beanstalk operations it waits for, one after
   * the other (terminations are not waited for), plus the drain time the contract requires before
   * the clone is terminated.
   */
  static Duration criticalPath(List<Beanstalk.Operation> operations, boolean clone) {
    Duration total = Duration.ZERO;
    for (Beanstalk.Operation op : operations) {
      if (!op.name().equals("TerminateEnvironment")) {
        total = total.plus(op.duration());
      }
    }
    return clone ? total.plus(Duration.ofSeconds(60)) : total;
  }

  private static Duration mean(
      List<Result> results, java.util.function.Function<Result, Duration> f) {
    return Duration.ofMillis(
        Math.round(results.stream().mapToLong(r -> f.apply(r).toMillis()).average().orElse(0)));
  }
}
