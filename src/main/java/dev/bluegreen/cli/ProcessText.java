package dev.bluegreen.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process's environment, arguments and output streams as UTF-8, whatever the locale. The JVM
 * decodes environment variables and arguments with the locale's charset, which is ASCII when LANG
 * is unset (as in many containers): {@code v-é🚀} would arrive as {@code v-} and six U+FFFD. On
 * Linux the original bytes are in /proc/self, so they are decoded here instead; bytes that are not
 * UTF-8 still become U+FFFD, which input validation refuses with a message.
 */
final class ProcessText {
  private static final Path ENVIRON = Path.of("/proc/self/environ");
  private static final Path CMDLINE = Path.of("/proc/self/cmdline");

  private ProcessText() {}

  static Map<String, String> environment() {
    try {
      return environment(Files.readAllBytes(ENVIRON));
    } catch (IOException | SecurityException e) {
      return System.getenv();
    }
  }

  /** The NUL-separated {@code NAME=value} entries of an environ block. */
  static Map<String, String> environment(byte[] environ) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String entry : split(environ)) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        env.putIfAbsent(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return java.util.Collections.unmodifiableMap(env);
  }

  /** The arguments, re-read from the command line when the JVM could not decode them. */
  static String[] arguments(String[] given) {
    if (Arrays.stream(given).noneMatch(a -> a.indexOf('\uFFFD') >= 0)) {
      return given;
    }
    try {
      return arguments(given, Files.readAllBytes(CMDLINE));
    } catch (IOException | SecurityException e) {
      return given;
    }
  }

  /**
   * The program's arguments are the last entries of the command line (after {@code java -jar
   * x.jar}, if any).
   */
  static String[] arguments(String[] given, byte[] cmdline) {
    List<String> all = split(cmdline);
    if (all.size() < given.length + 1) {
      return given;
    }
    return all.subList(all.size() - given.length, all.size()).toArray(String[]::new);
  }

  static PrintStream stdout() {
    return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
  }

  static PrintStream stderr() {
    return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
  }

  private static List<String> split(byte[] block) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= block.length; i++) {
      if (i == block.length || block[i] == 0) {
        if (i > start) {
          parts.add(new String(block, start, i - start, StandardCharsets.UTF_8));
        }
        start = i + 1;
      }
    }
    return parts;
  }
}
