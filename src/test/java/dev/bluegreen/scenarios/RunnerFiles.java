package dev.bluegreen.scenarios;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a GITHUB_OUTPUT file exactly as the runner does (FileCommandManager): lines split on LF
 * only, {@code name=value} split at the first '=', {@code name<<DELIM} takes following lines up to
 * a line equal to DELIM verbatim; a later value of the same name wins.
 */
final class RunnerFiles {
  private RunnerFiles() {}

  static Map<String, String> parseOutputs(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      int heredoc = line.indexOf("<<");
      if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
        out.put(line.substring(0, eq), line.substring(eq + 1));
        continue;
      }
      if (heredoc <= 0) {
        throw new IllegalStateException("Invalid format '" + line + "'");
      }
      String name = line.substring(0, heredoc);
      String delimiter = line.substring(heredoc + 2);
      if (delimiter.isEmpty()) {
        throw new IllegalStateException(
            "Invalid format '"
                + line
                + "'. Name must not be empty and delimiter must not be empty");
      }
      StringBuilder value = new StringBuilder();
      boolean found = false;
      for (i = i + 1; i < lines.length; i++) {
        if (lines[i].equals(delimiter)) {
          found = true;
          break;
        }
        if (value.length() > 0) {
          value.append('\n');
        }
        value.append(lines[i]);
      }
      if (!found) {
        throw new IllegalStateException(
            "Invalid value. Matching delimiter not found '" + delimiter + "'");
      }
      out.put(name, value.toString());
    }
    return out;
  }
}
