package dev.bluegreen;

import dev.bluegreen.cli.Cli;
import dev.bluegreen.cli.Host;

/** The {@code bluegreen} binary. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.run(Host.system(), args));
  }
}
