package dev.bluegreen.plan;

import dev.bluegreen.log.Log;
import java.util.Optional;

/**
 * One named step of a plan. Its id is the log group, the summary row and the {@code steps} output
 * entry. A step gets what it works with when it is made, reads earlier steps' results from their
 * {@link Slot}s, and hands its own result to later steps through its {@link Result}. It throws
 * nothing but {@link StepFailure} (and InterruptedException when cancelled).
 *
 * @param <T> the result later steps can read; {@code Void} for none
 */
public interface Step<T> {

  String id();

  /**
   * One line saying what this step does, with the names involved; asked when the step is recorded.
   */
  String title();

  /** Logs through {@code log}, which a parallel step shares with its siblings. */
  Result<T> run(Log log) throws StepFailure, InterruptedException;

  /** The undo to register just before {@link #run}, when there is one. */
  default Optional<Undo> undo() {
    return Optional.empty();
  }

  /** False for steps that only read; a dry run runs those and prints the others. */
  default boolean changes() {
    return true;
  }

  /**
   * Whether a dry run runs the step for real. Read-only steps that find things out do; checks of
   * what the changed world would look like cannot, and are printed instead.
   */
  default boolean runsInDryRun() {
    return !changes();
  }

  /**
   * In a dry run, after its plan was printed: the step lets the run's state assume it was done, so
   * that the titles and plans of the steps after it name what they would act on.
   */
  default void assumeDone() {}

  /** What the step would do, for a dry run: "would …", or "nothing to do: …". */
  default String plan() {
    String title = title();
    return "would " + Character.toLowerCase(title.charAt(0)) + title.substring(1);
  }

  /**
   * How a step ended without failing: done or skipped, a detail for the summary, and its result.
   */
  record Result<T>(boolean skipped, String detail, T value) {
    public static <T> Result<T> done(String detail, T value) {
      return new Result<>(false, detail, value);
    }

    public static Result<Void> done(String detail) {
      return new Result<>(false, detail, null);
    }

    public static <T> Result<T> skipped(String reason, T value) {
      return new Result<>(true, reason, value);
    }

    public static Result<Void> skipped(String reason) {
      return new Result<>(true, reason, null);
    }
  }
}
