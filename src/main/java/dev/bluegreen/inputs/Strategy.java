package dev.bluegreen.inputs;

import java.util.Locale;

/** How the new version reaches production. */
public enum Strategy {
  /** Two persistent environments; the standby gets the version, then the CNAMEs swap. */
  SWAP,
  /** One permanent environment; a temporary clone serves production while it is updated. */
  CLONE;

  public String input() {
    return name().toLowerCase(Locale.ROOT);
  }
}
