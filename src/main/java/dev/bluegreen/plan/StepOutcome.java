package dev.bluegreen.plan;

/** How a step ended when it did not fail: done (with a detail for the summary) or skipped (with why). */
public record StepOutcome(boolean skipped, String detail) {

  public static StepOutcome done(String detail) {
    return new StepOutcome(false, detail);
  }

  public static StepOutcome skipped(String reason) {
    return new StepOutcome(true, reason);
  }
}
