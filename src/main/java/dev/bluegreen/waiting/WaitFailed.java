package dev.bluegreen.waiting;

/** A wait saw something that means the awaited state will not come. */
public final class WaitFailed extends Exception {
  public WaitFailed(String message) {
    super(message);
  }
}
