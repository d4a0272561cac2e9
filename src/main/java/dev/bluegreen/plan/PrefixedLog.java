package dev.bluegreen.plan;

import dev.bluegreen.log.Log;

/** A parallel step's view of the log: its lines carry its id, and it opens no groups of its own. */
final class PrefixedLog implements Log {
  private final Log log;
  private final String prefix;

  PrefixedLog(Log log, String prefix) {
    this.log = log;
    this.prefix = prefix;
  }

  @Override
  public Section group(String title) {
    log.info(prefix + title);
    return () -> {};
  }

  @Override
  public void info(String message) {
    log.info(prefix + message);
  }

  @Override
  public void notice(String message) {
    log.notice(prefix + message);
  }

  @Override
  public void warning(String message) {
    log.warning(prefix + message);
  }

  @Override
  public void error(String message) {
    log.error(prefix + message);
  }

  @Override
  public void debug(String message) {
    log.debug(prefix + message);
  }

  @Override
  public void mask(String secret) {
    log.mask(secret);
  }
}
