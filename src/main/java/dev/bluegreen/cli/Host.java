package dev.bluegreen.cli;

import dev.bluegreen.plan.Cancellation;
import dev.bluegreen.waiting.Sleeper;
import dev.bluegreen.waiting.SystemSleeper;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The process the command runs in: its environment variables, clock, sleeper, output streams and
 * working directory. Tests build one with a map, a virtual clock and captured streams.
 */
public record Host(
    Map<String, String> env,
    Clock clock,
    Sleeper sleeper,
    PrintStream out,
    PrintStream err,
    Path workDir,
    Cancellation cancellation) {

  /**
   * This process: environment and output in UTF-8 whatever the locale (see {@link ProcessText}).
   */
  public static Host system() {
    PrintStream out = ProcessText.stdout();
    PrintStream err = ProcessText.stderr();
    System.setOut(out);
    System.setErr(err);
    return new Host(
        ProcessText.environment(),
        Clock.systemUTC(),
        new SystemSleeper(),
        out,
        err,
        Path.of("").toAbsolutePath(),
        new Cancellation());
  }

  /** The arguments as given, decoded as UTF-8 whatever the locale. */
  public static String[] arguments(String[] args) {
    return ProcessText.arguments(args);
  }
}
