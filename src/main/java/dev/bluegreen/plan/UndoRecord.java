package dev.bluegreen.plan;

import java.time.Duration;

/**
 * One undo run during a rollback, and the step it belonged to.
 *
 * @param outcome what it did; null when it failed
 */
public record UndoRecord(
    String stepId,
    Undo undo,
    StepRecord.Status status,
    Undo.Outcome outcome,
    Duration duration,
    String detail) {

  /** Whether this undo put back the change of its step. */
  public boolean reverted() {
    return outcome != null && outcome.kind() == Undo.Kind.REVERTED;
  }

  public String description() {
    return undo.description();
  }
}
