package dev.bluegreen.action;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Appends step outputs to the file named by GITHUB_OUTPUT, as soon as they are known: a changed
 * value is appended again and the runner keeps the last one. Multi-line values use the heredoc
 * form with a random delimiter, as the official toolkit does; the runner takes the delimiter
 * verbatim and splits lines on LF only, so no CR may appear around it.
 */
public final class OutputFile {
  private final Path file;
  private final Map<String, String> written = new HashMap<>();

  public OutputFile(Path file) {
    this.file = file;
  }

  /** Writes the values that are new or changed since the last call. */
  public synchronized void update(Map<String, String> outputs) {
    StringBuilder lines = new StringBuilder();
    outputs.forEach((name, value) -> {
      if (!value.equals(written.get(name))) {
        lines.append(format(name, value));
        written.put(name, value);
      }
    });
    if (lines.length() == 0) {
      return;
    }
    try {
      Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write GITHUB_OUTPUT " + file + ": " + e.getMessage(), e);
    }
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
