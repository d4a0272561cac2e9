package dev.bluegreen.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What running a plan did: every step's record (those not reached as {@code not-run}), the undos of
 * a rollback, and the failure that stopped it. While the run goes on, {@code finished} is false.
 *
 * @param failure null when every step ended without failing
 * @param changed whether a step that changes the world was started (so the world should be read
 *     again)
 */
public record RunRecord(
    String plan,
    Instant started,
    Instant ended,
    List<StepRecord> steps,
    List<UndoRecord> undone,
    Failure failure,
    boolean changed,
    boolean finished) {

  /** The step that failed and why. */
  public record Failure(String stepId, StepFailure cause) {}

  public Duration duration() {
    return Duration.between(started, ended);
  }

  public boolean succeeded() {
    return finished && failure == null;
  }
}
