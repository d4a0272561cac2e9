package dev.bluegreen.log;

import java.util.ArrayList;
import java.util.List;

/**
 * Text printed where a CI runner reads commands, made unable to become one. The GitHub runner reads
 * every output line (it splits at LF, CR and CRLF, and so does the output of a container run in a
 * {@code run:} step) and takes it as a workflow command when, after leading white space, it starts
 * with {@code ::}, or when it contains the legacy {@code ##[} anywhere. Its comparisons are
 * culture-sensitive .NET string operations, which skip "ignorable" characters such as U+200B, so an
 * invisible character is no defence: a line that would start with {@code ::} is prefixed with
 * {@code "> "}, and a space is put between {@code #} and {@code [}.
 */
public final class UntrustedText {
  private UntrustedText() {}

  /** The lines of {@code text} as the runner would split them, each defused. */
  public static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\r\n|\r|\n", -1)) {
      lines.add(defuse(line));
    }
    return lines;
  }

  static String defuse(String line) {
    StringBuilder out = new StringBuilder(line.length() + 4);
    int lastSignificant = -1;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      if (cp == '[' && lastSignificant == '#') {
        out.append(' ');
      }
      out.appendCodePoint(cp);
      if (!ignorable(cp)) {
        lastSignificant = cp;
      }
      i += Character.charCount(cp);
    }
    return startsWithCommandKey(line) ? "> " + out : out.toString();
  }

  private static boolean startsWithCommandKey(String line) {
    int colons = 0;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == ':') {
        if (++colons == 2) {
          return true;
        }
      } else if (!((colons == 0 && (whiteSpace(cp) || ignorable(cp)))
          || (colons == 1 && ignorable(cp)))) {
        return false;
      }
    }
    return false;
  }

  /**
   * .NET's char.IsWhiteSpace, which TrimStart uses: separators, the ASCII controls 9-13, U+0085.
   */
  private static boolean whiteSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
  }

  /**
   * Characters that a culture-sensitive comparison skips: format and control characters, variation
   * selectors.
   */
  private static boolean ignorable(int cp) {
    int type = Character.getType(cp);
    return type == Character.FORMAT
        || (type == Character.CONTROL && !whiteSpace(cp))
        || Character.isIdentifierIgnorable(cp)
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0xE0100 && cp <= 0xE01EF);
  }
}
