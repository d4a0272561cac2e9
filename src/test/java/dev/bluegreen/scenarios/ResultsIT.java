package dev.bluegreen.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.inputs.Result;
import dev.bluegreen.simulator.Seed;
import dev.bluegreen.waiting.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The {@code result} output means the same for both strategies and every command, and comes with an
 * exit code its declaration in {@link Result} allows; every declared value is reached by some path.
 */
class ResultsIT {

  /** One path through the product: how to stage it, and what it must end with. */
  private record Path(
      String name, Seed seed, Function<Stage, Stage.Run> run, Result result, int exit) {}

  private static Stage.Run deploy(Stage stage, String... more) {
    return stage.run(stage.swapDeployArgs(null, more));
  }

  private static Stage.Run cloneDeploy(Stage stage, String... more) {
    return stage.run(stage.cloneDeployArgs("shop-tmp", null, more));
  }

  /** The old live turns Red once production was swapped back to it. */
  private static void oldLiveRedAfterTheSwapBack(Stage stage) {
    stage.turnRedAfterTheFirstSwap(Stage.GREEN);
    stage.time.addObserver(
        new VirtualTime.Observer() {
          boolean armed = true;

          @Override
          public void passing(Instant from, Instant to) {
            if (armed && stage.sim.calls().count("SwapEnvironmentCNAMEs") == 2) {
              armed = false;
              stage.sim.apps().turnRedAt(Stage.BLUE, from.plusSeconds(1));
            }
          }
        });
  }

  /**
   * A deploy during which someone else swaps production onto the standby as soon as it runs v2 (a
   * person, or another run): the deploy's own swap would move production away from v2.
   */
  private static Stage.Run deployOvertakenBySwap(Stage stage) {
    Callable<Stage.Run> other =
        () -> {
          Instant giveUp = stage.time.now().plus(Duration.ofMinutes(30));
          while (!standbyRuns(stage, "v2") && stage.time.now().isBefore(giveUp)) {
            stage.time.sleep(Duration.ofSeconds(1));
          }
          try (SdkClient client = new SdkClient(stage.sim)) {
            client.eb.swapEnvironmentCNAMEs(
                r -> r.sourceEnvironmentName(Stage.GREEN).destinationEnvironmentName(Stage.BLUE));
          }
          return null;
        };
    try {
      return stage.time.runConcurrently(List.of(() -> deploy(stage), other)).get(0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean standbyRuns(Stage stage, String label) {
    return stage
        .sim
        .beanstalk()
        .environment(Stage.GREEN)
        .map(e -> e.status().equals("Ready") && label.equals(e.runningVersion()))
        .orElse(false);
  }

  private static List<Path> paths() {
    Seed pair = Seed.pair(Stage.APP);
    Seed single = Seed.single(Stage.APP);
    return List.of(
        new Path("swap deploy", pair, s -> deploy(s), Result.PROMOTED, 0),
        new Path("clone deploy", single, s -> cloneDeploy(s), Result.PROMOTED, 0),
        new Path(
            "swap deploy, promote: false",
            pair,
            s -> deploy(s, "--promote", "false"),
            Result.DEPLOYED,
            0),
        new Path(
            "swap after promote: false",
            pair,
            s -> {
              assertThat(deploy(s, "--promote", "false").exit()).isZero();
              return s.run(Stage.swapArgs("swap"));
            },
            Result.SWAPPED,
            0),
        new Path(
            "rollback after a deploy",
            pair,
            s -> {
              assertThat(deploy(s).exit()).isZero();
              return s.run(Stage.swapArgs("rollback"));
            },
            Result.ROLLED_BACK,
            0),
        new Path(
            "swap deploy, production Red after the swap",
            pair,
            s -> {
              s.turnRedAfterTheFirstSwap(Stage.GREEN);
              return deploy(s);
            },
            Result.ROLLED_BACK,
            1),
        new Path(
            "clone deploy, the permanent environment's deployment reverted",
            single,
            s -> s.run(s.cloneDeployArgs("shop-tmp", "{\"deploy\":\"fail\"}")),
            Result.ROLLED_BACK,
            1),
        new Path(
            "swap deploy, the standby answers 500",
            pair,
            s -> s.run(s.swapDeployArgs("{\"status\":500}")),
            Result.FAILED,
            1),
        new Path(
            "swap deploy, invalid input",
            pair,
            s -> deploy(s, "--wait-timeout", "soon"),
            Result.FAILED,
            2),
        new Path(
            "swap deploy, production Red and rollback-on-failure false",
            pair,
            s -> {
              s.turnRedAfterTheFirstSwap(Stage.GREEN);
              return deploy(s, "--rollback-on-failure", "false");
            },
            Result.FAILED,
            3),
        new Path(
            "swap deploy, swapped back to an old live that turns Red",
            pair,
            s -> {
              oldLiveRedAfterTheSwapBack(s);
              Stage.Run run = deploy(s);
              assertThat(s.sim.calls().count("SwapEnvironmentCNAMEs"))
                  .as("swapped, then swapped back")
                  .isEqualTo(2);
              return run;
            },
            Result.FAILED,
            3),
        new Path(
            "swap deploy, production swapped onto the new version by someone else",
            pair,
            ResultsIT::deployOvertakenBySwap,
            Result.OVERTAKEN,
            0),
        new Path("swap dry run", pair, s -> deploy(s, "--dry-run"), Result.PLANNED, 0),
        new Path("clone dry run", single, s -> cloneDeploy(s, "--dry-run"), Result.PLANNED, 0),
        new Path("status", pair, s -> s.run(Stage.swapArgs("status")), Result.STATUS, 0),
        new Path("cleanup", pair, s -> s.run(Stage.swapArgs("cleanup")), Result.CLEANED, 0));
  }

  @Test
  void everyPath_endsWithTheResultAndAnExitCodeItsDeclarationAllows() {
    SoftAssertions soft = new SoftAssertions();
    Set<Result> reached = EnumSet.noneOf(Result.class);
    for (Path path : paths()) {
      try (Stage stage = new Stage(path.seed())) {
        Stage.Run run = path.run().apply(stage);
        Map<String, String> outputs = run.outputs();
        soft.assertThat(outputs.get("result"))
            .as(path.name() + ": result")
            .isEqualTo(path.result().value());
        soft.assertThat(run.exit())
            .as(path.name() + ": exit code\n" + run.log())
            .isEqualTo(path.exit());
        soft.assertThat(path.result().exitCodes())
            .as(path.name() + ": the exit codes Result allows")
            .contains(run.exit());
        reached.add(path.result());
      }
    }
    soft.assertAll();
    assertThat(reached)
        .as("results reached by some path")
        .containsExactlyInAnyOrder(Result.values());
  }
}
