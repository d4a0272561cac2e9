package dev.bluegreen.cli;

import dev.bluegreen.action.ActionEnvironment;
import dev.bluegreen.bundle.Scratch;
import dev.bluegreen.plan.Cancellation;
import dev.bluegreen.simulator.Seed;
import dev.bluegreen.simulator.Simulator;
import dev.bluegreen.simulator.beanstalk.Behaviour;
import dev.bluegreen.simulator.beanstalk.Timings;
import dev.bluegreen.waiting.Durations;
import dev.bluegreen.waiting.VirtualTime;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the simulator in-process, seeds an application, and runs {@code deploy} against it through
 * the normal code path (endpoints from AWS_ENDPOINT_URL_*, health checks through the simulator's
 * proxy), on a virtual clock: realistic Elastic Beanstalk durations, seconds of real time.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run a blue-green deploy against the embedded simulator and print the job summary. No AWS account needed.")
final class DemoCommand implements Callable<Integer> {

  @Inject Host host;

  @Option(names = "--strategy", defaultValue = "swap", description = "swap or clone; default: swap")
  String strategy;

  @Option(
      names = "--scenario",
      defaultValue = "healthy",
      description =
          "healthy, unhealthy (the new version answers 500), reverted (Elastic Beanstalk rolls the deployment "
              + "back), throttled (30 %% of calls throttled), red-after-swap (production turns Red after the swap), "
              + "lost-swap-answer (the swap is carried out but answered with a server error); default: healthy")
  String scenario;

  /** Each scenario, and what its bundle's version does on the simulator (null: serves fine). */
  private static final Map<String, String> SCENARIOS = new LinkedHashMap<>();

  static {
    SCENARIOS.put("healthy", null);
    SCENARIOS.put("unhealthy", "{\"status\":500}");
    SCENARIOS.put("reverted", "{\"deploy\":\"fail\"}");
    SCENARIOS.put("throttled", null);
    SCENARIOS.put("red-after-swap", null);
    SCENARIOS.put("lost-swap-answer", null);
  }

  @Override
  public Integer call() throws Exception {
    if (!SCENARIOS.containsKey(scenario)) {
      host.err()
          .println(
              "bluegreen demo: unknown scenario '"
                  + scenario
                  + "'; the scenarios are "
                  + String.join(", ", SCENARIOS.keySet()));
      return ExitCodes.USAGE;
    }
    String behaviour = SCENARIOS.get(scenario);
    // The demo's bundle and summary are temporary files like any run's: gone when it ends.
    try (Scratch scratch = new Scratch(Scratch.baseFor(host.env()))) {
      return demo(scratch.newDirectory("demo-"), behaviour);
    }
  }

  private int demo(Path work, String behaviour) throws Exception {
    VirtualTime time = new VirtualTime(Instant.parse("2026-01-05T09:00:00Z"));
    Path bundle = Files.createDirectories(work.resolve("app"));
    Files.writeString(bundle.resolve("index.html"), "<h1>v2</h1>\n");
    if (behaviour != null) {
      Files.writeString(bundle.resolve(Behaviour.FILE_NAME), behaviour);
    }
    Path summary = work.resolve("summary.md");
    long realStart = System.nanoTime();
    int exit;
    try (Simulator sim = Simulator.startVirtual(time, Timings.realistic(), 7)) {
      boolean clone = "clone".equals(strategy);
      sim.seed(clone ? Seed.single("demo-app") : Seed.pair("demo-app"));
      if (scenario.equals("throttled")) {
        sim.faults().throttle(0.3);
      }
      if (scenario.equals("lost-swap-answer")) {
        sim.faults().loseAnswer("SwapEnvironmentCNAMEs", 500, null, 1);
      }
      Map<String, String> env = new LinkedHashMap<>(sim.clientEnvironment());
      env.put(ActionEnvironment.STEP_SUMMARY, summary.toString());
      if (scenario.equals("red-after-swap")) {
        RedAfterSwap.arm(sim, time);
      }
      host.out()
          .println(
              "Simulator on "
                  + sim.endpoint()
                  + " seeded with demo-app: demo-app-blue serves demo-app (v1)"
                  + (clone
                      ? "; strategy clone makes demo-app-tmp, a temporary clone of it."
                      : ", demo-app-green is the standby."));
      host.out().println();
      List<String> args =
          new ArrayList<>(
              List.of(
                  "deploy",
                  "--application-name",
                  "demo-app",
                  "--blue-environment",
                  "demo-app-blue",
                  "--green-environment",
                  greenName(),
                  "--strategy",
                  strategy,
                  "--production-cname",
                  "demo-app",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  bundle.toString()));
      Host demoHost =
          new Host(env, time.clock(), time, host.out(), host.err(), work, new Cancellation());
      exit = Cli.run(demoHost, args.toArray(String[]::new));
      host.out().println();
      host.out().println("---- job summary (" + ActionEnvironment.STEP_SUMMARY + ") ----");
      host.out().println(Files.readString(summary, StandardCharsets.UTF_8));
      host.out()
          .println(
              "---- "
                  + sim.calls().all().size()
                  + " AWS API calls; "
                  + Durations.format(
                      Duration.between(Instant.parse("2026-01-05T09:00:00Z"), time.now()))
                  + " of simulated time in "
                  + Durations.format(Duration.ofNanos(System.nanoTime() - realStart))
                  + " of real time; exit code "
                  + exit
                  + " ----");
    }
    return exit;
  }

  private String greenName() {
    return "clone".equals(strategy) ? "demo-app-tmp" : "demo-app-green";
  }
}
