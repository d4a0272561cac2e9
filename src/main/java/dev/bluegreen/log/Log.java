package dev.bluegreen.log;

/**
 * Where the product tells the user what it is doing. The GitHub adapter renders groups and
 * annotations as workflow commands; standalone runs get plain text.
 */
public interface Log {

  /** Opens a collapsible section; closing it ends the section. Sections do not nest. */
  Section group(String title);

  void info(String message);

  void notice(String message);

  void warning(String message);

  void error(String message);

  /** Shown only when debugging is on (RUNNER_DEBUG=1 or --stacktrace). */
  void debug(String message);

  /** Registers a secret so that it is never printed. */
  void mask(String secret);

  /** An open section. */
  interface Section extends AutoCloseable {
    @Override
    void close();
  }
}
