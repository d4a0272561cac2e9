package dev.bluegreen.cli;

import dev.bluegreen.simulator.Seed;
import dev.bluegreen.simulator.Simulator;
import dev.bluegreen.simulator.beanstalk.Timings;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the embedded Elastic Beanstalk simulator on localhost: the EB Query API, the S3 subset, STS and "
          + "the applications' HTTP (as an HTTP proxy), all on one port.",
      "Point a client at it with the environment variables it prints."
    })
final class SimulateCommand implements Callable<Integer> {
  @Inject Host host;

  @Option(
      names = "--port",
      description = "port to listen on (0: any free one); default: 4566",
      defaultValue = "4566")
  int port;

  @Option(
      names = "--time-scale",
      description =
          "multiplies every simulated duration (launch 5m, deploy 2m, swap 5s, "
              + "terminate 3m); default: 1",
      defaultValue = "1")
  double timeScale;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description = "address to listen on; 0.0.0.0 lets containers reach it; default: 127.0.0.1")
  String bind;

  @Option(names = "--region", defaultValue = "us-east-1", description = "default: us-east-1")
  String region;

  @Option(
      names = "--seed",
      paramLabel = "APP",
      description =
          "seed APP with APP-blue live on the CNAME APP and APP-green "
              + "on APP-staging, both running v1")
  String seedPair;

  @Option(
      names = "--seed-file",
      paramLabel = "FILE",
      description = "seed from a JSON file (see the README)")
  Path seedFile;

  @Option(
      names = "--throttle",
      paramLabel = "FRACTION",
      description = "answer this fraction of EB calls with Throttling")
  double throttle;

  @Option(
      names = "--latency",
      paramLabel = "DURATION",
      description = "delay every AWS call, e.g. 50ms")
  String latency;

  @Option(
      names = "--errors",
      paramLabel = "COUNT[:STATUS]",
      description = "answer the next COUNT EB calls with 503 (or STATUS)")
  String errors;

  @Option(
      names = "--fail-operation",
      paramLabel = "OPERATION",
      description = "make every call of this EB operation fail with InternalFailure (500)")
  List<String> failOperations = new ArrayList<>();

  @Option(
      names = "--lose-answer",
      paramLabel = "OPERATION[@ENV][:TIMES]",
      description =
          "carry out this EB operation (on ENV only, when given), then answer it with "
              + "InternalFailure (500), as AWS does when an answer is lost; TIMES calls "
              + "(default 1, 0 for every one)")
  List<String> loseAnswers = new ArrayList<>();

  @Option(
      names = "--red",
      paramLabel = "ENV@SECONDS",
      description = "turn an environment's health Red SECONDS after start")
  List<String> red = new ArrayList<>();

  @Option(
      names = "--log-calls",
      description = "print every AWS call as it is answered (time, service, operation, outcome)")
  boolean logCalls;

  @Option(names = "--seed-number", hidden = true, defaultValue = "42")
  long randomSeed;

  @Override
  public Integer call() throws Exception {
    Simulator sim;
    try {
      sim =
          Simulator.start(
              java.net.InetAddress.getByName(bind),
              port,
              host.clock(),
              Timings.realistic().scaled(timeScale),
              region,
              randomSeed);
    } catch (IOException e) {
      host.err()
          .println("bluegreen simulate: cannot listen on port " + port + ": " + e.getMessage());
      return 2;
    }
    try (sim) {
      try {
        if (seedPair != null) {
          sim.seed(Seed.pair(seedPair));
        }
        if (seedFile != null) {
          sim.seed(Seed.fromJson(Files.readString(seedFile)));
        }
      } catch (RuntimeException | IOException e) {
        host.err().println("bluegreen simulate: cannot seed: " + e.getMessage());
        return 2;
      }
      applyFaults(sim);
      if (logCalls) {
        sim.calls()
            .onCall(
                c -> {
                  synchronized (host.out()) {
                    host.out()
                        .println(
                            "call "
                                + c.time()
                                + " "
                                + c.service()
                                + " "
                                + c.operation()
                                + " "
                                + c.outcome()
                                + (c.accessKeyId() == null ? "" : " " + c.accessKeyId()));
                    host.out().flush();
                  }
                });
      }
      host.out()
          .println(
              "Elastic Beanstalk simulator listening on "
                  + sim.endpoint()
                  + " (time scale "
                  + timeScale
                  + ")");
      host.out().println("Point a client at it with:");
      for (Map.Entry<String, String> e : sim.clientEnvironment().entrySet()) {
        host.out().println("export " + e.getKey() + "=" + e.getValue());
      }
      if (seedPair == null && seedFile == null) {
        host.out()
            .println(
                "The simulator is empty: it has no application, so commands against it answer that "
                    + "the application does not exist. Start it with --seed APP (APP-blue live on "
                    + "the CNAME APP, APP-green on APP-staging) or --seed-file FILE, or create one "
                    + "with the AWS CLI (aws elasticbeanstalk create-application ...).");
      } else {
        sim.beanstalk()
            .environments()
            .forEach(
                e ->
                    host.out()
                        .println(
                            "seeded "
                                + e.name()
                                + ": "
                                + e.cname()
                                + " ("
                                + e.status()
                                + "/"
                                + e.health()
                                + ", "
                                + e.versionLabel()
                                + ")"));
      }
      host.out().flush();
      CountDownLatch stop = new CountDownLatch(1);
      // The process ends when the hooks have run, maybe before this thread closes the simulator:
      // the files of uploaded parts and objects go in the hook.
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    stop.countDown();
                    sim.s3().close();
                  }));
      stop.await();
    }
    return 0;
  }

  private void applyFaults(Simulator sim) {
    sim.faults().throttle(throttle);
    if (latency != null) {
      sim.faults().latency(dev.bluegreen.waiting.Durations.parse(latency).orElse(Duration.ZERO));
    }
    if (errors != null) {
      String[] parts = errors.split(":", -1);
      sim.faults()
          .burst(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 503);
    }
    for (String op : failOperations) {
      sim.faults()
          .failOperation(
              op,
              500,
              "InternalFailure",
              "The request processing has failed because of an unknown error, "
                  + "exception or failure.",
              -1);
    }
    for (String lost : loseAnswers) {
      String[] timed = lost.split(":", -1);
      String[] named = timed[0].split("@", -1);
      int times = timed.length > 1 ? Integer.parseInt(timed[1]) : 1;
      sim.faults()
          .loseAnswer(named[0], 500, named.length > 1 ? named[1] : null, times == 0 ? -1 : times);
    }
    for (String r : red) {
      String[] parts = r.split("@", -1);
      sim.apps().turnRedAt(parts[0], host.clock().instant().plusSeconds(Long.parseLong(parts[1])));
    }
  }
}
