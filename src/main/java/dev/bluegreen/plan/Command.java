package dev.bluegreen.plan;

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
