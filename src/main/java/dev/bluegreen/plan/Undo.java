package dev.bluegreen.plan;

import dev.bluegreen.log.Log;

/**
 * Puts back what a step changed. Registered before the step's first call (an operation that timed
 * out may still have happened), so it must cope with the step never having acted, and be safe to
 * run twice.
 */
public interface Undo {

  /** What it will do, for the log and the summary. */
  String description();

  Outcome run(Log log) throws Exception;

  /** What an undo did. */
  record Outcome(Kind kind, String detail) {
    public static Outcome reverted(String detail) {
      return new Outcome(Kind.REVERTED, detail);
    }

    public static Outcome unchanged(String detail) {
      return new Outcome(Kind.UNCHANGED, detail);
    }

    public static Outcome skipped(String detail) {
      return new Outcome(Kind.SKIPPED, detail);
    }
  }

  /** The change was put back; nothing needed (or could be) put back; the undo was switched off. */
  enum Kind {
    REVERTED,
    UNCHANGED,
    SKIPPED
  }
}
