package dev.bluegreen.action;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Appends step outputs to the file named by GITHUB_OUTPUT, as soon as they are known: a changed
 * value is appended again and the runner keeps the last one. Multi-line values use the heredoc form
 * with a random delimiter, as the official toolkit does; the runner takes the delimiter verbatim
 * and splits lines on LF only, so no CR may appear around it.
 */
public final class OutputFile {
  private final Path file;
  private final Map<String, String> written = new HashMap<>();

  public OutputFile(Path file) {
    this.file = file;
  }

  /**
   * Why outputs could not be written to the file now, or empty when they can (the file is created
   * if missing).
   */
  public Optional<String> problem() {
    try {
      Files.newByteChannel(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(
          "cannot write "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")");
    }
  }

  /** Writes the values that are new or changed since the last successful write. */
  public synchronized void update(Map<String, String> outputs) {
    StringBuilder lines = new StringBuilder();
    Map<String, String> changed = new HashMap<>();
    outputs.forEach(
        (name, value) -> {
          if (!value.equals(written.get(name))) {
            lines.append(format(name, value));
            changed.put(name, value);
          }
        });
    if (lines.length() == 0) {
      return;
    }
    try {
      Files.writeString(
          file,
          lines,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write GITHUB_OUTPUT "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")",
          e);
    }
    written.putAll(changed);
  }

  static String format(String name, String value) {
    if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return name + "=" + value + "\n";
    }
    String delimiter = "ghadelimiter_" + UUID.randomUUID();
    if (value.contains(delimiter)) {
      throw new IllegalArgumentException("output " + name + " contains its delimiter");
    }
    return name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n";
  }
}
