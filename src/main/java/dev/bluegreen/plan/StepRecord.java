package dev.bluegreen.plan;

import java.time.Duration;
import java.time.Instant;

/**
 * How one step went.
 *
 * @param status {@code succeeded}, {@code failed}, {@code skipped}, {@code planned} (dry-run) or
 *     {@code not-run}
 */
public record StepRecord(String id, String title, String status, Instant started, Duration duration, String detail) {
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String SKIPPED = "skipped";
  public static final String PLANNED = "planned";
  public static final String NOT_RUN = "not-run";
}
