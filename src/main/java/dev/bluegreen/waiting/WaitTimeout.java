package dev.bluegreen.waiting;

/**
 * A bounded wait ran out of time. The message says what was awaited, the last state, and where to
 * look.
 */
public final class WaitTimeout extends Exception {
  public WaitTimeout(String message) {
    super(message);
  }
}
