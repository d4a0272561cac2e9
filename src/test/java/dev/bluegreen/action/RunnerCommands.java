package dev.bluegreen.action;

import java.util.ArrayList;
import java.util.List;

/**
 * The workflow commands the GitHub runner would find in a log (ActionCommand.TryParseV2 and the
 * legacy TryParse): lines split at LF, CR and CRLF; after leading white space a line starting with
 * {@code ::} up to the next {@code ::}; {@code ##[} anywhere up to the next {@code ]}. The runner
 * compares culture-sensitively, so this reads every line with ignorable characters removed first,
 * the worst case for the product.
 */
public final class RunnerCommands {
  private RunnerCommands() {}

  /** Every command as {@code name::data} (v2) or {@code ##name]data} (legacy). */
  public static List<String> in(String log) {
    List<String> commands = new ArrayList<>();
    for (String raw : log.split("\r\n|\r|\n", -1)) {
      String line =
          withoutIgnorables(raw)
              .stripLeading()
              .replaceFirst("^[\\u0085\\u00a0\\u2000-\\u200a\\u3000]+", "");
      if (line.startsWith("::")) {
        int end = line.indexOf("::", 2);
        if (end > 2) {
          commands.add(line.substring(2, end).split(" ", -1)[0] + "::" + line.substring(end + 2));
          continue;
        }
      }
      int legacy = line.indexOf("##[");
      if (legacy >= 0 && line.indexOf(']', legacy) > 0) {
        int rb = line.indexOf(']', legacy);
        commands.add(
            "##" + line.substring(legacy + 3, rb).split(" ", -1)[0] + "]" + line.substring(rb + 1));
      }
    }
    return commands;
  }

  private static String withoutIgnorables(String line) {
    StringBuilder s = new StringBuilder();
    line.codePoints()
        .filter(cp -> Character.getType(cp) != Character.FORMAT && !(cp >= 0xFE00 && cp <= 0xFE0F))
        .forEach(s::appendCodePoint);
    return s.toString();
  }
}
