package dev.bluegreen.plan;

/**
 * Puts back what a step changed. Registered before the step's first call (a swap that timed out may
 * still have happened), so it must cope with the step never having acted, and be safe to run twice.
 */
public interface Undo {

  /** What it will do, for the log and the summary. */
  String description();

  /** True for a swap back: skipped when {@code rollback-on-failure} is false. */
  default boolean swapsBack() {
    return false;
  }

  /** Returns what was done. */
  String run(StepContext ctx) throws Exception;
}
