package dev.bluegreen.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTest {

  /**
   * Pipes that GitHub would take as cell separators: not preceded by an odd number of backslashes.
   */
  static long cellSeparators(String row) {
    long n = 0;
    int backslashes = 0;
    for (int i = 0; i < row.length(); i++) {
      char c = row.charAt(i);
      if (c == '|' && backslashes % 2 == 0) {
        n++;
      }
      backslashes = c == '\\' ? backslashes + 1 : 0;
    }
    return n;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a | b",
        "a \\| b",
        "`code | x`",
        "x\\",
        "<b>bold</b>",
        "[link](http://evil.example)",
        "![img](http://evil.example/x.png)",
        "**bold** _it_ ~~gone~~",
        "www.evil.example",
        "http://evil.example",
        "&lt;script&gt;",
        "$x^2$",
        "\n## Forged heading\n| a | b |",
        "- item",
        "1. item",
        "<!-- comment"
      })
  void textIsInertInATableCell(String value) {
    String row = "| " + Markdown.text(value) + " |";
    assertThat(cellSeparators(row)).isEqualTo(2);
    assertThat(row).doesNotContain("\n");
    assertThat(row.replace("<br>", ""))
        .doesNotContainPattern("(?<!\\\\)[<>\\[\\]`*_~$]")
        .doesNotContain("](")
        .doesNotContainPattern("(?<!\\\\)(www)?(?<!\\\\)\\.(?!\\\\)e")
        .doesNotContain("http:");
  }

  @Test
  void textKeepsWhatItSays() {
    assertThat(Markdown.text("shop-green runs v2, Ready/Green"))
        .isEqualTo("shop-green runs v2, Ready/Green");
    assertThat(Markdown.text("a|b\r\nc")).isEqualTo("a\\|b<br>c");
    assertThat(Markdown.text("-x")).isEqualTo("\\-x");
    assertThat(Markdown.text("bell\u0007")).isEqualTo("bell");
  }

  @Test
  void codeSpansOnlyForValuesThatCannotBreakOut() {
    assertThat(Markdown.code("shop.us-east-1.elasticbeanstalk.com"))
        .isEqualTo("`shop.us-east-1.elasticbeanstalk.com`");
    assertThat(Markdown.code("v-é🚀")).isEqualTo("`v-é🚀`");
    assertThat(Markdown.code("v2`|<b>")).isEqualTo("v2\\`\\|\\<b\\>");
    assertThat(Markdown.code(" padded")).isEqualTo(" padded");
    assertThat(Markdown.code(null)).isEqualTo("—");
  }

  @Test
  void aBlockCannotBeClosedByItsContent() {
    String md = Markdown.block("text", List.of("ok", "```", "## Forged", "````` more"));
    assertThat(md).startsWith("``````text\n").endsWith("\n``````\n");
  }
}
