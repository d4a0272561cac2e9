package dev.bluegreen.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.elasticbeanstalk.ElasticBeanstalkClient;

/**
 * {@code bluegreen simulate} as a newcomer starts it, in its own process (it serves until it is
 * stopped): what it says on start.
 */
class SimulateCommandIT {

  /**
   * The lines the simulator prints on start, up to and including the first one {@code last} starts.
   */
  private static List<String> startLines(String last, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of("target", "bluegreen.jar").toString(),
                "simulate",
                "--port",
                "0"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      CompletableFuture<List<String>> read =
          CompletableFuture.supplyAsync(
              () -> {
                List<String> lines = new ArrayList<>();
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                    if (l.startsWith(last)) {
                      break;
                    }
                  }
                } catch (java.io.IOException e) {
                  lines.add("(read failed: " + e + ")");
                }
                return lines;
              });
      return read.get(60, TimeUnit.SECONDS);
    } finally {
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void unseeded_saysItIsEmptyAndHowToSeedIt() throws Exception {
    List<String> lines = startLines("The simulator is empty");

    assertThat(lines.get(lines.size() - 1))
        .startsWith("The simulator is empty: it has no application")
        .contains("--seed APP", "--seed-file FILE");
  }

  @Test
  void loseAnswer_carriesTheOperationOutAndAnswersWithAServerError() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of("target", "bluegreen.jar").toString(),
                "simulate",
                "--port",
                "0",
                "--seed",
                "my-app",
                "--lose-answer",
                "SwapEnvironmentCNAMEs@my-app-green:1")
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String endpoint = null;
      boolean seeded = false;
      for (String l = out.readLine(); l != null; l = out.readLine()) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("listening on (http://\\S+)").matcher(l);
        if (m.find()) {
          endpoint = m.group(1);
        }
        seeded |= l.startsWith("seeded my-app-green");
        if (seeded && endpoint != null) {
          break;
        }
      }
      assertThat(endpoint).as("the simulator's endpoint").isNotNull();
      try (ElasticBeanstalkClient eb = SdkClient.noRetries(endpoint)) {
        assertThatThrownBy(
                () ->
                    eb.swapEnvironmentCNAMEs(
                        r ->
                            r.sourceEnvironmentName("my-app-green")
                                .destinationEnvironmentName("my-app-blue")))
            .isInstanceOf(AwsServiceException.class)
            .satisfies(e -> assertThat(((AwsServiceException) e).statusCode()).isEqualTo(500));
        // carried out all the same; the fault was for one call only
        assertThat(cnameOf(eb, "my-app-green")).startsWith("my-app.");
        eb.swapEnvironmentCNAMEs(
            r -> r.sourceEnvironmentName("my-app-green").destinationEnvironmentName("my-app-blue"));
        assertThat(cnameOf(eb, "my-app-green")).startsWith("my-app-staging.");
      }
    } finally {
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  private static String cnameOf(ElasticBeanstalkClient eb, String name) {
    return eb.describeEnvironments(r -> r.environmentNames(name)).environments().get(0).cname();
  }

  @Test
  void seeded_listsWhatItHoldsAndSaysNothingOfEmptiness() throws Exception {
    List<String> lines = startLines("seeded my-app-green", "--seed", "my-app");

    assertThat(lines)
        .anySatisfy(l -> assertThat(l).startsWith("seeded my-app-blue: my-app.us-east-1"))
        .noneSatisfy(l -> assertThat(l).contains("empty"));
  }
}
