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

  public static Host system() {
    return new Host(System.getenv(), Clock.systemUTC(), new SystemSleeper(), System.out, System.err,
        Path.of("").toAbsolutePath(), new Cancellation());
  }
}
