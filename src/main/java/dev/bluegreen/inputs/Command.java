package dev.bluegreen.inputs;

/** The commands that act on an application's environments. */
public enum Command {
  DEPLOY,
  SWAP,
  ROLLBACK,
  STATUS,
  CLEANUP;

  public String input() {
    return name().toLowerCase();
  }
}
