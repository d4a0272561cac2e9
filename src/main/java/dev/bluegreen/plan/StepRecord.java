package dev.bluegreen.plan;

import java.time.Duration;
import java.time.Instant;

/** How one step went. */
public record StepRecord(
    String id, String title, Status status, Instant started, Duration duration, String detail) {

  /** A step's outcome, as the {@code steps} output and the summary name it. */
  public enum Status {
    SUCCEEDED("succeeded"),
    SKIPPED("skipped"),
    PLANNED("planned"),
    FAILED("failed"),
    NOT_RUN("not-run");

    private final String text;

    Status(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
