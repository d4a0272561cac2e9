package dev.bluegreen.action;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The job summary file (GITHUB_STEP_SUMMARY): replaced as a whole, so a late write never duplicates
 * an early one.
 */
public final class StepSummaryFile {
  private final Path file;

  public StepSummaryFile(Path file) {
    this.file = file;
  }

  public void write(String markdown) {
    try {
      Files.writeString(file, markdown, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write GITHUB_STEP_SUMMARY " + file + ": " + e.getMessage(), e);
    }
  }
}
