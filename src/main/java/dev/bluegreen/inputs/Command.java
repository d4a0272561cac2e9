package dev.bluegreen.inputs;

import java.util.Locale;

/** The commands that act on an application's environments. */
public enum Command {
  DEPLOY,
  SWAP,
  ROLLBACK,
  STATUS,
  CLEANUP;

  public String input() {
    return name().toLowerCase(Locale.ROOT);
  }
}
