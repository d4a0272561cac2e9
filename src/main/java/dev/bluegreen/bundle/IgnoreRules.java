package dev.bluegreen.bundle;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of an {@code .ebignore} file at the root of a bundle, which is written in the syntax of
 * {@code .gitignore} and means what {@code git check-ignore} makes of the same file as the only
 * ignore file at the root of a repository on Linux (case-sensitive).
 *
 * <p>Patterns are matched the way git matches them: on the UTF-8 bytes of names, so {@code ?} and a
 * bracket expression stand for one byte, and a pattern git can never match (an unclosed {@code [},
 * an unknown {@code [:class:]}, a trailing {@code \}) matches nothing here either.
 *
 * <p>Git never looks inside a directory that is excluded, so no pattern can re-include a file in
 * it. {@link #ignored} judges one path on its own; a walker that uses it must not descend into a
 * directory for which {@code ignored(dir, true)} is true. {@link #excludedWithParents} applies that
 * rule itself by judging every parent directory first.
 *
 * <p>Instances are immutable.
 */
public final class IgnoreRules {

  private static final IgnoreRules NONE = new IgnoreRules(List.of());

  private static final Map<String, String> POSIX_CLASSES =
      Map.ofEntries(
          Map.entry("alnum", "0-9A-Za-z"),
          Map.entry("alpha", "A-Za-z"),
          Map.entry("blank", "\t "),
          Map.entry("cntrl", "\\x00-\\x1f\\x7f"),
          Map.entry("digit", "0-9"),
          Map.entry("graph", "\\x21-\\x7e"),
          Map.entry("lower", "a-z"),
          Map.entry("print", "\\x20-\\x7e"),
          Map.entry("punct", "!-/:-@\\[-`{-~"),
          Map.entry("space", "\t\n\r "),
          Map.entry("upper", "A-Z"),
          Map.entry("xdigit", "0-9A-Fa-f"));

  private final List<Rule> rules;

  private IgnoreRules(List<Rule> rules) {
    this.rules = rules;
  }

  /** The rules of an {@code .ebignore} file; any text is accepted, as git accepts any file. */
  public static IgnoreRules parse(String text) {
    List<Rule> rules = new ArrayList<>();
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    for (String line : body.split("\n", -1)) {
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (!line.startsWith("#")) {
        Rule.parse(trimTrailingSpaces(line)).ifPresent(rules::add);
      }
    }
    return rules.isEmpty() ? NONE : new IgnoreRules(List.copyOf(rules));
  }

  /** Rules that ignore nothing. */
  public static IgnoreRules none() {
    return NONE;
  }

  /**
   * Whether the last pattern that matches this path excludes it (false when no pattern matches).
   * Parent directories are not considered: see the class description.
   *
   * @param relativePath a non-empty path relative to the bundle root, with {@code /} separators and
   *     no leading or trailing {@code /}
   * @param directory whether the path is a directory (patterns ending in {@code /} match only
   *     those)
   */
  public boolean ignored(String relativePath, boolean directory) {
    String path = bytes(relativePath);
    String name = path.substring(path.lastIndexOf('/') + 1);
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rule rule = rules.get(i);
      if (rule.matches(path, name, directory)) {
        return !rule.negated;
      }
    }
    return false;
  }

  /**
   * Whether the path is excluded once the rule about parent directories applies, as {@code git
   * check-ignore} reports it: some parent directory is {@link #ignored}, or else the path itself
   * is. Same arguments as {@link #ignored}.
   */
  public boolean excludedWithParents(String relativePath, boolean directory) {
    for (int slash = relativePath.indexOf('/');
        slash >= 0;
        slash = relativePath.indexOf('/', slash + 1)) {
      if (ignored(relativePath.substring(0, slash), true)) {
        return true;
      }
    }
    return ignored(relativePath, directory);
  }

  /** Git drops trailing spaces that are not escaped with a backslash (not tabs). */
  private static String trimTrailingSpaces(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    int backslashes = 0;
    while (end - backslashes > 0 && line.charAt(end - backslashes - 1) == '\\') {
      backslashes++;
    }
    if (backslashes % 2 == 1 && end < line.length()) {
      end++;
    }
    return line.substring(0, end);
  }

  /** One char per UTF-8 byte, so that patterns see what git sees. */
  private static String bytes(String s) {
    return new String(s.getBytes(UTF_8), ISO_8859_1);
  }

  /**
   * A pattern without a slash (but for a trailing one) is matched against the last name of the path
   * only.
   */
  private record Rule(Pattern regex, boolean negated, boolean directoryOnly, boolean nameOnly) {

    /** Empty for a line that can match nothing (blank, {@code !}, {@code /}, invalid glob). */
    static Optional<Rule> parse(String line) {
      boolean negated = line.startsWith("!");
      String glob = negated ? line.substring(1) : line;
      boolean directoryOnly = glob.endsWith("/");
      if (directoryOnly) {
        glob = glob.substring(0, glob.length() - 1);
      }
      boolean nameOnly = glob.indexOf('/') < 0;
      if (glob.startsWith("/")) {
        glob = glob.substring(1);
      }
      return glob.isEmpty()
          ? Optional.empty()
          : Glob.regex(bytes(glob)).map(re -> new Rule(re, negated, directoryOnly, nameOnly));
    }

    boolean matches(String path, String name, boolean directory) {
      return (directory || !directoryOnly) && regex.matcher(nameOnly ? name : path).matches();
    }
  }

  /** Git's wildmatch (with {@code WM_PATHNAME}) as a regular expression over bytes. */
  private static final class Glob {
    private final String glob;
    private final StringBuilder re = new StringBuilder();

    private Glob(String glob) {
      this.glob = glob;
    }

    /** Empty when git can never match the glob. */
    static Optional<Pattern> regex(String glob) {
      Glob g = new Glob(glob);
      return g.translate()
          ? Optional.of(Pattern.compile(g.re.toString(), Pattern.DOTALL))
          : Optional.empty();
    }

    private boolean translate() {
      int firstWildcard = firstWildcard();
      int i = 0;
      while (i < glob.length()) {
        char c = glob.charAt(i);
        if (c == '\\') {
          if (i + 1 == glob.length()) {
            return false;
          }
          literal(glob.charAt(i + 1));
          i += 2;
        } else if (c == '?') {
          re.append("[^/]");
          i++;
        } else if (c == '*') {
          i = stars(i, firstWildcard);
        } else if (c == '[') {
          BitSet set = new BitSet(256);
          int close = bracket(i, set);
          if (close < 0 || set.isEmpty()) {
            return false;
          }
          byteClass(set);
          i = close + 1;
        } else {
          literal(c);
          i++;
        }
      }
      return true;
    }

    /**
     * Git compares the text before the first wildcard literally and hands the rest to wildmatch,
     * which takes a {@code **} at its start as following a {@code /}: so {@code foo**}{@code /bar}
     * also matches {@code foobar} and {@code foo/x/bar}.
     */
    private int firstWildcard() {
      for (int i = 0; i < glob.length(); i++) {
        if ("*?[\\".indexOf(glob.charAt(i)) >= 0) {
          return i;
        }
      }
      return glob.length();
    }

    /**
     * Translates the run of {@code *} at {@code start}; returns the index after what it consumed.
     */
    private int stars(int start, int firstWildcard) {
      int end = start;
      while (end < glob.length() && glob.charAt(end) == '*') {
        end++;
      }
      boolean leading = start == firstWildcard || glob.charAt(start - 1) == '/';
      boolean trailing =
          end == glob.length() || glob.charAt(end) == '/' || glob.startsWith("\\/", end);
      if (end - start < 2 || !leading || !trailing) {
        re.append("[^/]*");
        return end;
      }
      if (end < glob.length() && glob.charAt(end) == '/') {
        re.append("(?:.*/)?");
        return end + 1;
      }
      re.append(".*");
      return end;
    }

    /**
     * Adds to {@code set} the bytes the bracket expression at {@code open} matches; returns the
     * index of its closing {@code ]}, or -1 where git gives up on the whole pattern.
     */
    private int bracket(int open, BitSet set) {
      int i = open + 1;
      boolean negated = i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^');
      if (negated) {
        i++;
      }
      int previous = -1;
      do {
        if (i >= glob.length()) {
          return -1;
        }
        int c = glob.charAt(i);
        if (c == '\\') {
          if (++i >= glob.length()) {
            return -1;
          }
          c = glob.charAt(i);
          set.set(c);
        } else if (c == '-'
            && previous >= 0
            && i + 1 < glob.length()
            && glob.charAt(i + 1) != ']') {
          c = glob.charAt(++i);
          if (c == '\\') {
            if (++i >= glob.length()) {
              return -1;
            }
            c = glob.charAt(i);
          }
          if (previous <= c) {
            set.set(previous, c + 1);
          }
          c = -1;
        } else if (c == '[' && glob.startsWith(":", i + 1)) {
          int close = glob.indexOf(']', i + 2);
          if (close < 0) {
            return -1;
          }
          if (close < i + 3 || glob.charAt(close - 1) != ':') {
            set.set('[');
          } else {
            String members = POSIX_CLASSES.get(glob.substring(i + 2, close - 1));
            if (members == null) {
              return -1;
            }
            Pattern member = Pattern.compile("[" + members + "]");
            for (char b = 0; b < 256; b++) {
              if (member.matcher(String.valueOf(b)).matches()) {
                set.set(b);
              }
            }
            i = close;
            c = -1;
          }
        } else {
          set.set(c);
        }
        previous = c;
        i++;
      } while (i >= glob.length() || glob.charAt(i) != ']');
      if (negated) {
        set.flip(0, 256);
      }
      set.clear('/');
      return i;
    }

    private void literal(char c) {
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
        re.append(c);
      } else {
        re.append(String.format("\\x%02x", (int) c));
      }
    }

    private void byteClass(BitSet set) {
      re.append('[');
      for (int from = set.nextSetBit(0); from >= 0; from = set.nextSetBit(from)) {
        int to = set.nextClearBit(from);
        re.append(String.format("\\x%02x", from));
        if (to - 1 > from) {
          re.append(String.format("-\\x%02x", to - 1));
        }
        from = to;
      }
      re.append(']');
    }
  }
}
