package dev.bluegreen.plan;

import java.util.Optional;

/**
 * One named step of a plan. Its id is the log group, the summary row and the {@code steps} output
 * entry. Steps read and write the run's {@link Deployment} and never throw anything but {@link
 * StepFailure} (and InterruptedException when cancelled).
 */
public interface Step {

  String id();

  /** One line saying what this step does, with the names involved. */
  String title(StepContext ctx);

  StepOutcome run(StepContext ctx) throws StepFailure, InterruptedException;

  /** The undo to register before {@link #run}. */
  default Optional<Undo> undo(StepContext ctx) {
    return Optional.empty();
  }

  /** False for steps that only read; dry-run runs those and prints the others. */
  default boolean changesAws() {
    return true;
  }

  /** What the step would do, for dry-run. */
  default String plan(StepContext ctx) {
    return title(ctx);
  }
}
