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

  /**
   * Whether dry-run runs the step for real. Read-only steps that find things out do; checks of what
   * the changed environments would look like cannot, and are printed instead.
   */
  default boolean runsInDryRun() {
    return !changesAws();
  }

  /** What the step would do, for dry-run: "would …", or "nothing to do: …". */
  default String plan(StepContext ctx) {
    String title = title(ctx);
    return "would " + Character.toLowerCase(title.charAt(0)) + title.substring(1);
  }
}
