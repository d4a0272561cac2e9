package dev.bluegreen.log;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The log outside GitHub Actions: plain lines, sections as headers, secrets replaced by ***. */
public final class PlainLog implements Log {
  private final PrintStream out;
  private final boolean debug;
  private final List<String> secrets = new ArrayList<>();

  public PlainLog(PrintStream out, boolean debug) {
    this.out = out;
    this.debug = debug;
  }

  @Override
  public synchronized Section group(String title) {
    println("==> " + title);
    return () -> {};
  }

  @Override
  public void info(String message) {
    println(message);
  }

  @Override
  public void notice(String message) {
    println("NOTICE: " + message);
  }

  @Override
  public void warning(String message) {
    println("WARNING: " + message);
  }

  @Override
  public void error(String message) {
    println("ERROR: " + message);
  }

  @Override
  public void debug(String message) {
    if (debug) {
      println("DEBUG: " + message);
    }
  }

  @Override
  public synchronized void mask(String secret) {
    if (secret != null && secret.length() >= 4) {
      secrets.add(secret);
    }
  }

  /**
   * Defused too: a standalone container's output may still be read by a runner (a docker run in a
   * run: step).
   */
  private synchronized void println(String text) {
    String masked = text;
    for (String s : secrets) {
      masked = masked.replace(s, "***");
    }
    for (String line : UntrustedText.lines(masked)) {
      out.println(line);
    }
    out.flush();
  }
}
