package dev.bluegreen.cli;

import dev.bluegreen.deploy.Outcome;

/** The exit codes of the contract, and the one place outcomes become them. */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int NEEDS_PERSON = 3;

  private ExitCodes() {}

  static int of(Outcome outcome) {
    if (outcome instanceof Outcome.Succeeded) {
      return OK;
    }
    if (outcome instanceof Outcome.Refused) {
      return USAGE;
    }
    if (outcome instanceof Outcome.Overtaken o) {
      return o.fine() ? OK : FAILED;
    }
    return outcome instanceof Outcome.NeedsPerson ? NEEDS_PERSON : FAILED;
  }
}
