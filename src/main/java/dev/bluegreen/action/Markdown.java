package dev.bluegreen.action;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only way a value (an input, a name or message from AWS, one of our own details) reaches the
 * job summary: as inert text that GitHub renders as written, whatever characters it holds. Links
 * and structure come from the renderer, never from a value.
 */
public final class Markdown {

  /**
   * Characters that CommonMark, GitHub's extensions or GitHub itself give a meaning inline:
   * emphasis, code, links and images, raw HTML and entities, tables, strikethrough, math, headings,
   * and the autolinks that start at {@code www.} or {@code scheme:}. Each is backslash-escaped,
   * which CommonMark allows for any ASCII punctuation and renders as the character itself.
   */
  private static final String SPECIAL = "\\`*_[]<>|~!#&$:.()+@";

  private static final Pattern BACKTICKS = Pattern.compile("`+");

  private Markdown() {}

  /**
   * Inline text: special characters escaped, line breaks as {@code <br>}, other control characters
   * dropped.
   */
  public static String text(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    String s = value.replace("\r\n", "\n").replace('\r', '\n');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        out.append("<br>");
      } else if (SPECIAL.indexOf(c) >= 0 || (c == '-' && out.length() == 0)) {
        out.append('\\').append(c);
      } else if (Character.getType(c) != Character.CONTROL) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A code span when the value can be one in any context (no backtick, no pipe, which would split a
   * table cell even inside a code span, no control character, no space at either end); otherwise
   * the same value as {@link #text}.
   */
  public static String code(String value) {
    if (value == null) {
      return "—";
    }
    boolean inert =
        !value.isEmpty()
            && value.equals(value.strip())
            && value
                .chars()
                .noneMatch(c -> c == '`' || c == '|' || Character.getType(c) == Character.CONTROL);
    return inert ? "`" + value + "`" : text(value);
  }

  /** A link to a URL the product built itself; {@code text} is escaped like any value. */
  public static String link(String text, String url) {
    return "[" + text(text) + "](" + url + ")";
  }

  /**
   * A fenced code block: the fence is longer than any run of backticks in the lines, so no line can
   * close it; control characters are dropped.
   */
  public static String block(String info, List<String> lines) {
    int longest = 2;
    StringBuilder body = new StringBuilder();
    for (String line : lines) {
      String clean = line.replaceAll("\\p{Cc}", " ");
      Matcher m = BACKTICKS.matcher(clean);
      while (m.find()) {
        longest = Math.max(longest, m.group().length());
      }
      body.append(clean).append('\n');
    }
    String fence = "`".repeat(longest + 1);
    return fence + info + "\n" + body + fence + "\n";
  }
}
