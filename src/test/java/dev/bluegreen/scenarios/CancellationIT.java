package dev.bluegreen.scenarios;

import static dev.bluegreen.scenarios.Stage.BLUE;
import static dev.bluegreen.scenarios.Stage.swapArgs;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bluegreen.health.HealthChecker;
import dev.bluegreen.health.HttpHealthChecker;
import dev.bluegreen.http.ProxySettings;
import dev.bluegreen.simulator.Seed;
import dev.bluegreen.simulator.Simulator;
import dev.bluegreen.simulator.beanstalk.Timings;
import dev.bluegreen.waiting.VirtualTime;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cancellation as the GitHub runner does it: SIGINT, SIGTERM 7.5 s later, a kill at 10 s. The run
 * stops starting work, puts production back on a healthy environment if it was mid-swap, writes its
 * outputs and summary, and exits in time.
 */
class CancellationIT {

  @Test
  void cancelledDuringTheSwap_swapsBackAndReportsWithinTheGracePeriod() {
    try (Stage stage = Stage.pair()) {
      Instant[] cancelledAt = {null};
      stage.time.addObserver(
          new VirtualTime.Observer() {
            @Override
            public void passing(Instant from, Instant to) {
              if (cancelledAt[0] == null && stage.sim.calls().count("SwapEnvironmentCNAMEs") == 1) {
                cancelledAt[0] = from;
                stage.cancellation.request("SIGINT", stage.time.clock());
              }
            }
          });

      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));

      assertThat(cancelledAt[0]).isNotNull();
      assertThat(Duration.between(cancelledAt[0], stage.time.now()))
          .isLessThanOrEqualTo(Duration.ofSeconds(8));
      assertThat(run.exit()).as(run.log()).isEqualTo(1);
      assertThat(run.outputs())
          .containsEntry("result", "rolled-back")
          .containsEntry("live-environment", BLUE);
      assertThat(stage.liveName()).isEqualTo(BLUE);
      assertThat(stage.sim.calls().count("SwapEnvironmentCNAMEs")).isEqualTo(2);
      assertThat(run.summary()).contains("cancelled", "swapped back");
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void aSignalDuringAHealthCheckThatNeverEnds_stillWritesTheOutputsAndTheSummary()
      throws Exception {
    CountDownLatch asked = new CountDownLatch(1);
    CountDownLatch released = new CountDownLatch(1);
    HttpServer drip =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    drip.createContext(
        "/",
        ex -> {
          asked.countDown();
          ex.sendResponseHeaders(200, 1000);
          try (OutputStream out = ex.getResponseBody()) {
            // one byte every 200 ms: every read is quick, the answer never ends
            for (int i = 0; i < 1000 && !released.await(200, TimeUnit.MILLISECONDS); i++) {
              out.write('x');
              out.flush();
            }
          } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
          }
        });
    drip.start();
    try (Stage stage = Stage.pair()) {
      HealthChecker throughTheDrip =
          new HttpHealthChecker(
              stage.time.clock(),
              stage.time,
              ProxySettings.fromEnvironment(
                  Map.of("HTTP_PROXY", "http://localhost:" + drip.getAddress().getPort())));
      Thread signal =
          new Thread(
              () -> {
                try {
                  asked.await();
                  stage.cancellation.request("SIGTERM", stage.time.clock());
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      signal.start();
      long t0 = System.nanoTime();

      Stage.Run run =
          stage.run(
              Map.of(),
              List.of(throughTheDrip),
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString(),
                  "--health-check-timeout",
                  "5m"));

      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
      assertThat(run.exit()).as(run.log()).isEqualTo(1);
      assertThat(run.outputs())
          .containsEntry("result", "failed")
          .containsEntry("live-environment", BLUE);
      assertThat(run.summaryText()).contains("cancelled (SIGTERM)");
      assertThat(stage.sim.calls().count("SwapEnvironmentCNAMEs")).isZero();
      signal.join();
    } finally {
      released.countDown();
      drip.stop(0);
    }
  }

  @Test
  void cancelledWhileTheStandbyLaunches_stopsBothParallelStepsAndReports() {
    try (Stage stage =
        new Stage(
            new Seed(
                Stage.APP,
                List.of(new Seed.SeedVersion("v1", null)),
                List.of(new Seed.SeedEnvironment(BLUE, Stage.PRODUCTION, "v1"))))) {
      Instant[] cancelledAt = {null};
      Instant signal = Stage.T0.plusSeconds(61);
      stage.time.addObserver(
          new VirtualTime.Observer() {
            @Override
            public Instant nextStop(Instant from) {
              return from.isBefore(signal) ? signal : Instant.MAX;
            }

            @Override
            public void passing(Instant from, Instant to) {
              if (cancelledAt[0] == null && to.equals(signal)) {
                cancelledAt[0] = to;
                stage.cancellation.request("SIGINT", stage.time.clock());
              }
            }
          });

      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));

      assertThat(run.exit()).as(run.log()).isEqualTo(1);
      assertThat(Duration.between(cancelledAt[0], stage.time.now()))
          .isLessThanOrEqualTo(Duration.ofSeconds(8));
      assertThat(run.outputs())
          .containsEntry("result", "failed")
          .containsEntry("live-environment", BLUE);
      assertThat(run.outputs().get("steps"))
          .contains("\"id\":\"ensure-standby\",\"status\":\"failed\"");
      assertThat(stage.sim.calls().count("UpdateEnvironment")).isZero();
      stage.assertProductionAlwaysServed();
    }
  }

  @Test
  void cancelledBeforeAnyChange_changesNothingAndExits1() {
    try (Stage stage = Stage.pair()) {
      stage.cancellation.request("SIGINT", stage.time.clock());

      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.outputs()).containsEntry("result", "failed");
      assertThat(stage.sim.calls().mutating()).isEmpty();
    }
  }

  /**
   * A real process and a real SIGTERM: the JVM jar built by this module, against a simulator in
   * scaled real time.
   */
  @Test
  void sigterm_reachesTheRunWhichWritesItsOutputsAndExits() throws Exception {
    Path jar = Path.of("target/bluegreen.jar");
    assertThat(jar).as("the jar is packaged before integration tests run").exists();
    Path dir = Files.createTempDirectory("bluegreen-signal-");
    try (Simulator sim =
        Simulator.start(0, Clock.systemUTC(), Timings.realistic().scaled(0.1), "us-east-1", 3)) {
      sim.seed(Seed.pair("shop"));
      Path bundle = Files.createDirectories(dir.resolve("app"));
      Files.writeString(bundle.resolve("index.html"), "hi");
      Path output = dir.resolve("output");
      Path summary = dir.resolve("summary");
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.toString()));
      command.addAll(
          List.of(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  bundle.toString(),
                  "--poll-interval",
                  "1s")));
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("log").toFile());
      Map<String, String> env = pb.environment();
      env.putAll(sim.clientEnvironment());
      env.put("GITHUB_ACTIONS", "true");
      env.put("GITHUB_WORKSPACE", dir.toString());
      env.put("GITHUB_OUTPUT", output.toString());
      env.put("GITHUB_STEP_SUMMARY", summary.toString());
      Process process = pb.start();
      // Deploying to the standby takes 12 s at this scale; signal once it is under way.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (sim.calls().count("UpdateEnvironment") == 0 && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(50);
      }
      assertThat(sim.calls().count("UpdateEnvironment")).isEqualTo(1);
      long signalled = System.nanoTime();
      process.destroy(); // SIGTERM

      boolean exited = process.waitFor(10, TimeUnit.SECONDS);
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);

      String log = Files.readString(dir.resolve("log"));
      assertThat(exited).as(log).isTrue();
      assertThat(tookMs).isLessThan(10_000);
      assertThat(process.exitValue()).as(log).isEqualTo(1);
      assertThat(RunnerFiles.parseOutputs(Files.readString(output)))
          .containsEntry("result", "failed")
          .containsEntry("live-environment", "shop-blue");
      assertThat(Files.readString(summary)).contains("cancelled");
      assertThat(sim.calls().count("SwapEnvironmentCNAMEs")).isZero();
    }
  }
}
