package dev.bluegreen.deploy;

/**
 * How a run ended, as the user must know it: done, refused before changing anything, failed with
 * production served by a healthy environment (perhaps after swapping back), or failed with
 * production needing a person. The command line maps each to its exit code.
 */
public sealed interface Outcome {

  /** The {@code result} output. */
  String result();

  /** The plan completed (a dry run included). */
  record Succeeded(String result) implements Outcome {}

  /** The request does not fit what is in AWS; found before anything changed. */
  record Refused() implements Outcome {
    @Override
    public String result() {
      return "failed";
    }
  }

  /**
   * A step failed; production is on a Ready, healthy environment (after swapping back, when {@code
   * rolledBack}).
   */
  record Failed(boolean rolledBack) implements Outcome {
    @Override
    public String result() {
      return rolledBack ? "rolled-back" : "failed";
    }
  }

  /**
   * A step failed and production could not be put right (an undo failed, or production is not
   * healthy).
   */
  record NeedsPerson(boolean rolledBack) implements Outcome {
    @Override
    public String result() {
      return rolledBack ? "rolled-back" : "failed";
    }
  }
}
