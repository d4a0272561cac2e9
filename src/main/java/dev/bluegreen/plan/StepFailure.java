package dev.bluegreen.plan;

/** A step could not do its job. The message is for the user: what failed, why, and what to do. */
public class StepFailure extends Exception {

  /** Why the step failed, which decides the exit code. */
  public enum Kind {
    /** The inputs do not fit what is in AWS (found before anything changed): exit 2. */
    USAGE,
    /** Something went wrong while deploying. */
    FAILED,
    /** The run was cancelled. */
    CANCELLED
  }

  private final Kind kind;

  public StepFailure(String message) {
    this(Kind.FAILED, message, null);
  }

  public StepFailure(Kind kind, String message) {
    this(kind, message, null);
  }

  public StepFailure(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public static StepFailure usage(String message) {
    return new StepFailure(Kind.USAGE, message);
  }

  public Kind kind() {
    return kind;
  }
}
