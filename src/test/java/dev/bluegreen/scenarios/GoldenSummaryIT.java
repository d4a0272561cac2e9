package dev.bluegreen.scenarios;

import static dev.bluegreen.scenarios.Stage.swapArgs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The job summary of a success, a rollback and a failure, compared with the golden files in
 * test-fixtures/. The runs are deterministic (virtual time, seeded simulator). After an intended
 * change, regenerate them with {@code mvn verify -Dit.test=GoldenSummaryIT -Dgolden.update=true}
 * and review the diff.
 */
class GoldenSummaryIT {

  static final Path FIXTURES = Path.of("test-fixtures");

  @Test
  void success() throws IOException {
    try (Stage stage = Stage.pair()) {
      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));
      assertThat(run.exit()).isZero();
      golden("summary-success.md", run.summary());
    }
  }

  @Test
  void rollback() throws IOException {
    try (Stage stage = Stage.pair()) {
      stage.turnRedAfterTheFirstSwap(Stage.GREEN);
      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", null).toString()));
      assertThat(run.exit()).isEqualTo(1);
      golden("summary-rollback.md", run.summary());
    }
  }

  @Test
  void failure() throws IOException {
    try (Stage stage = Stage.pair()) {
      Stage.Run run =
          stage.run(
              swapArgs(
                  "deploy",
                  "--version-label",
                  "v2",
                  "--source-bundle",
                  stage.bundle("v2", "{\"deploy\":\"fail\"}").toString()));
      assertThat(run.exit()).isEqualTo(1);
      golden("summary-failure.md", run.summary());
    }
  }

  private static void golden(String name, String actual) throws IOException {
    Path file = FIXTURES.resolve(name);
    if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
      Files.createDirectories(FIXTURES);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    assertThat(actual.getBytes(StandardCharsets.UTF_8).length).isLessThan(1024 * 1024);
  }
}
