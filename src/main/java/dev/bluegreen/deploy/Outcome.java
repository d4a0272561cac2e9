package dev.bluegreen.deploy;

import dev.bluegreen.inputs.Result;

/**
 * How a run ended, as the user must know it: done, refused before changing anything, failed with
 * production served by a healthy environment (perhaps after swapping back), or failed with
 * production needing a person. The command line maps each to its exit code.
 */
public sealed interface Outcome {

  /** The {@code result} output. */
  Result result();

  /** The plan completed (a dry run included). */
  record Succeeded(Result result) implements Outcome {}

  /** The request does not fit what is in AWS; found before anything changed. */
  record Refused() implements Outcome {
    @Override
    public Result result() {
      return Result.FAILED;
    }
  }

  /**
   * A step failed; production is on a Ready, healthy environment (after swapping back, when {@code
   * rolledBack}).
   */
  record Failed(boolean rolledBack) implements Outcome {
    @Override
    public Result result() {
      return rolledBack ? Result.ROLLED_BACK : Result.FAILED;
    }
  }

  /**
   * A step failed and production could not be put right (an undo failed, or production is not
   * healthy). The result is failed even after a swap back: production is not where it should be.
   */
  record NeedsPerson(boolean rolledBack) implements Outcome {
    @Override
    public Result result() {
      return Result.FAILED;
    }
  }

  /**
   * A step failed because another run changed the environments meanwhile (deployed to the standby
   * or moved production). Fine when production runs this run's version or a newer one.
   *
   * @param by what the other run did
   */
  record Overtaken(String by, boolean fine) implements Outcome {
    @Override
    public Result result() {
      return Result.OVERTAKEN;
    }
  }
}
