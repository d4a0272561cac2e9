package dev.bluegreen.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link IgnoreRules} against git itself.
 *
 * <p>Every row of {@link #likeGit} was computed by git 2.39.5 on Linux, with the scenario's text
 * from {@link #RULES} as the only ignore file at the root of a scratch repository: {@code excluded}
 * is the answer of {@code git check-ignore --no-index} (which reports a path inside an excluded
 * directory as excluded, whatever later patterns say), and {@code ignored} is that of the last
 * pattern that matches the path on its own (found by git's matcher through {@code git check-attr}).
 * {@link #RULES} and the table are the output of {@code python3
 * src/test/resources/bundle/ignore-cases-from-git.py}; to change a case, edit the scenarios in that
 * script, run it and paste its output here. The test never runs git.
 *
 * <p>Some rows record git's corners rather than the manual's words: {@code [z-a]} matches {@code
 * z}, {@code foo**}{@code /bar} matches {@code foobar} and {@code foo/x/bar}, and {@code ?} and
 * brackets match one byte of UTF-8.
 */
class IgnoreRulesTest {

  // generated: git version 2.39.5
  private static final Map<String, String> RULES =
      Map.ofEntries(
          Map.entry(
              "comments",
              """
            # comment
            \s\s\s

            \\#hash
            \\!bang
             #space-first
            ##
            """),
          Map.entry(
              "trailing-spaces",
              """
            trail\s\s\s
            kept\\\s
            both\\ \\\s
            half\\\s\s
            even\\\\\s
            tab\t
            """),
          Map.entry(
              "line-endings",
              """
            \uFEFFbom\r
            crlf\r
            last"""),
          Map.entry(
              "negation",
              """
            *.log
            !important.log
            build/
            !build/keep.txt
            tmp/*
            !tmp/keep/
            """),
          Map.entry(
              "last-match-wins",
              """
            !keep.txt
            *.txt
            !*.md
            *.md
            !readme.md
            """),
          Map.entry(
              "dir-only",
              """
            logs/
            cache/
            /out/
            """),
          Map.entry(
              "anchoring",
              """
            /root-only
            anywhere
            mid/slash
            /dir/anchored
            deep/er/
            """),
          Map.entry(
              "star-question",
              """
            *.tmp
            a?c
            docs/*.md
            p?q/r
            """),
          Map.entry(
              "classes",
              """
            [abc].txt
            file[0-9]
            [!a-y]z
            [^x]y
            []]b
            [a-]c
            d[[:digit:]]
            u[[:upper:]]
            s[[:space:]]
            e[z-a]
            c[/]d
            """),
          Map.entry(
              "invalid",
              """
            bad[
            good
            [[:bogus:]]x
            x[[:alpha:]
            trailing\\
            """),
          Map.entry(
              "double-star",
              """
            **/lead
            trail/**
            a/**/b
            x**y
            **/d/**/e
            foo**/bar
            """),
          Map.entry(
              "case",
              """
            *.JPG
            Makefile
            [A-Z]cap
            """),
          Map.entry(
              "dotfiles",
              """
            .env
            .git/
            .*.swp
            """),
          Map.entry(
              "utf8-bytes",
              """
            caf?
            caf??x
            [é]1
            ?2
            """));

  @ParameterizedTest(name = "{0}: \"{1}\" {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      # scenario      | path                       | kind | ignored | excluded
      comments        | "# comment"                | file | false | false
      comments        | "comment"                  | file | false | false
      comments        | "#hash"                    | file | true  | true
      comments        | "hash"                     | file | false | false
      comments        | "!bang"                    | file | true  | true
      comments        | "bang"                     | file | false | false
      comments        | " #space-first"            | file | true  | true
      comments        | "#space-first"             | file | false | false
      comments        | "##"                       | file | false | false
      trailing-spaces | "trail"                    | file | true  | true
      trailing-spaces | "trail "                   | file | false | false
      trailing-spaces | "kept"                     | file | false | false
      trailing-spaces | "kept "                    | file | true  | true
      trailing-spaces | "both  "                   | file | true  | true
      trailing-spaces | "both "                    | file | false | false
      trailing-spaces | "half "                    | file | true  | true
      trailing-spaces | "half"                     | file | false | false
      trailing-spaces | "even\\"                   | file | true  | true
      trailing-spaces | "even\\ "                  | file | false | false
      trailing-spaces | "tab"                      | file | false | false
      trailing-spaces | "tab\t"                    | file | true  | true
      line-endings    | "bom"                      | file | true  | true
      line-endings    | "crlf"                     | file | true  | true
      line-endings    | "last"                     | file | true  | true
      negation        | "app.log"                  | file | true  | true
      negation        | "important.log"            | file | false | false
      negation        | "sub/important.log"        | file | false | false
      negation        | "sub/app.log"              | file | true  | true
      negation        | "build"                    | dir  | true  | true
      negation        | "build/keep.txt"           | file | false | true
      negation        | "build/out.bin"            | file | false | true
      negation        | "sub/build"                | dir  | true  | true
      negation        | "sub/build/keep.txt"       | file | false | true
      negation        | "tmp"                      | dir  | false | false
      negation        | "tmp/scratch.txt"          | file | true  | true
      negation        | "tmp/keep"                 | dir  | false | false
      negation        | "tmp/keep/file.txt"        | file | false | false
      negation        | "tmp/other"                | dir  | true  | true
      negation        | "tmp/other/file.txt"       | file | false | true
      last-match-wins | "keep.txt"                 | file | true  | true
      last-match-wins | "other.txt"                | file | true  | true
      last-match-wins | "notes.md"                 | file | true  | true
      last-match-wins | "readme.md"                | file | false | false
      last-match-wins | "docs/readme.md"           | file | false | false
      dir-only        | "logs"                     | dir  | true  | true
      dir-only        | "logs/app.txt"             | file | false | true
      dir-only        | "a/logs"                   | dir  | true  | true
      dir-only        | "b/logs"                   | file | false | false
      dir-only        | "cache"                    | file | false | false
      dir-only        | "a/cache"                  | file | false | false
      dir-only        | "out"                      | dir  | true  | true
      dir-only        | "out/x"                    | file | false | true
      dir-only        | "a/out"                    | dir  | false | false
      anchoring       | "root-only"                | file | true  | true
      anchoring       | "a/root-only"              | file | false | false
      anchoring       | "anywhere"                 | file | true  | true
      anchoring       | "a/b/anywhere"             | file | true  | true
      anchoring       | "c/anywhere"               | dir  | true  | true
      anchoring       | "c/anywhere/x"             | file | false | true
      anchoring       | "mid/slash"                | file | true  | true
      anchoring       | "a/mid/slash"              | file | false | false
      anchoring       | "dir/anchored"             | file | true  | true
      anchoring       | "a/dir/anchored"           | file | false | false
      anchoring       | "deep/er"                  | dir  | true  | true
      anchoring       | "x/deep/er"                | dir  | false | false
      star-question   | "x.tmp"                    | file | true  | true
      star-question   | "d/x.tmp"                  | file | true  | true
      star-question   | ".tmp"                     | file | true  | true
      star-question   | "x.tmp.bak"                | file | false | false
      star-question   | "abc"                      | file | true  | true
      star-question   | "a.c"                      | file | true  | true
      star-question   | "ac"                       | file | false | false
      star-question   | "abbc"                     | file | false | false
      star-question   | "docs/x.md"                | file | true  | true
      star-question   | "docs/.md"                 | file | true  | true
      star-question   | "docs/sub/x.md"            | file | false | false
      star-question   | "other/docs/x.md"          | file | false | false
      star-question   | "pxq/r"                    | file | true  | true
      star-question   | "p/q/r"                    | file | false | false
      classes         | "a.txt"                    | file | true  | true
      classes         | "d.txt"                    | file | false | false
      classes         | "file5"                    | file | true  | true
      classes         | "filex"                    | file | false | false
      classes         | "zz"                       | file | true  | true
      classes         | "az"                       | file | false | false
      classes         | "ay"                       | file | true  | true
      classes         | "xy"                       | file | false | false
      classes         | "]b"                       | file | true  | true
      classes         | "-c"                       | file | true  | true
      classes         | "ac"                       | file | true  | true
      classes         | "bc"                       | file | false | false
      classes         | "d7"                       | file | true  | true
      classes         | "dx"                       | file | false | false
      classes         | "uQ"                       | file | true  | true
      classes         | "uq"                       | file | false | false
      classes         | "s "                       | file | true  | true
      classes         | "s\t"                      | file | true  | true
      classes         | "s\013"                    | file | false | false
      classes         | "ez"                       | file | true  | true
      classes         | "ea"                       | file | false | false
      classes         | "c/d"                      | file | false | false
      invalid         | "bad["                     | file | false | false
      invalid         | "bad"                      | file | false | false
      invalid         | "good"                     | file | true  | true
      invalid         | "bx"                       | file | false | false
      invalid         | "[[:bogus:]]x"             | file | false | false
      invalid         | "xa"                       | file | false | false
      invalid         | "x[[:alpha:]"              | file | false | false
      invalid         | "trailing"                 | file | false | false
      invalid         | "trailing\\"               | file | false | false
      double-star     | "lead"                     | file | true  | true
      double-star     | "s/lead"                   | file | true  | true
      double-star     | "s/t/lead"                 | file | true  | true
      double-star     | "q/lead"                   | dir  | true  | true
      double-star     | "q/lead/x"                 | file | false | true
      double-star     | "trail"                    | dir  | false | false
      double-star     | "trail/x"                  | file | true  | true
      double-star     | "trail/y/z"                | file | true  | true
      double-star     | "t/trail/x"                | file | false | false
      double-star     | "a/b"                      | file | true  | true
      double-star     | "a/x/b"                    | file | true  | true
      double-star     | "a/x/y/b"                  | file | true  | true
      double-star     | "c/a/b"                    | file | false | false
      double-star     | "a/bb"                     | file | false | false
      double-star     | "xy"                       | file | true  | true
      double-star     | "xzzy"                     | file | true  | true
      double-star     | "p/xzy"                    | file | true  | true
      double-star     | "x/y"                      | file | false | false
      double-star     | "d/e"                      | file | true  | true
      double-star     | "k/d/e"                    | file | true  | true
      double-star     | "k/d/m/n/e"                | file | true  | true
      double-star     | "foobar"                   | file | true  | true
      double-star     | "foo/bar"                  | file | true  | true
      double-star     | "foo/x/bar"                | file | true  | true
      double-star     | "fooz/bar"                 | file | true  | true
      double-star     | "fooz/x/bar"               | file | true  | true
      case            | "a.JPG"                    | file | true  | true
      case            | "a.jpg"                    | file | false | false
      case            | "Makefile"                 | file | true  | true
      case            | "makefile"                 | file | false | false
      case            | "Xcap"                     | file | true  | true
      case            | "xcap"                     | file | false | false
      dotfiles        | ".env"                     | file | true  | true
      dotfiles        | "config/.env"              | file | true  | true
      dotfiles        | ".env.example"             | file | false | false
      dotfiles        | ".git"                     | dir  | true  | true
      dotfiles        | ".git/HEAD"                | file | false | true
      dotfiles        | "sub/.git"                 | dir  | true  | true
      dotfiles        | ".gitignore"               | file | false | false
      dotfiles        | ".a.swp"                   | file | true  | true
      dotfiles        | "b.swp"                    | file | false | false
      dotfiles        | ".github/workflows/ci.yml" | file | false | false
      utf8-bytes      | "café"                     | file | false | false
      utf8-bytes      | "cafe"                     | file | true  | true
      utf8-bytes      | "caféx"                    | file | true  | true
      utf8-bytes      | "cafex"                    | file | false | false
      utf8-bytes      | "é1"                       | file | false | false
      utf8-bytes      | "e1"                       | file | false | false
      utf8-bytes      | "é2"                       | file | false | false
      utf8-bytes      | "a2"                       | file | true  | true
      """)
  void likeGit(String scenario, String path, String kind, boolean ignored, boolean excluded) {
    IgnoreRules rules = IgnoreRules.parse(RULES.get(scenario));
    boolean directory = kind.equals("dir");

    assertThat(rules.ignored(path, directory)).as("ignored").isEqualTo(ignored);
    assertThat(rules.excludedWithParents(path, directory))
        .as("excludedWithParents")
        .isEqualTo(excluded);
  }

  @Test
  void noneAndEmptyFilesIgnoreNothing() {
    for (IgnoreRules rules :
        List.of(IgnoreRules.none(), IgnoreRules.parse(""), IgnoreRules.parse("# only\n\n  \n"))) {
      assertThat(rules.ignored("a", false)).isFalse();
      assertThat(rules.ignored("a", true)).isFalse();
      assertThat(rules.excludedWithParents("a/b/c", false)).isFalse();
    }
  }

  @Test
  void oddTextNeverThrows() {
    List<String> texts =
        List.of(
            "[",
            "\\",
            "[[:",
            "[[:alpha:",
            "[[:]]",
            "[!]",
            "[]",
            "[\\",
            "a[b-\\",
            "[a-\\]]",
            "***",
            "!",
            "/",
            "//",
            "!/",
            "\u0000",
            "\uD800",
            "\uD83D\uDE00?",
            "[\u00e9-a]",
            "\r\r\n");
    for (String text : texts) {
      assertThatCode(
              () -> {
                IgnoreRules rules = IgnoreRules.parse(text);
                rules.excludedWithParents("a/b", false);
                rules.excludedWithParents("\u00e9/[/\\", true);
              })
          .as(text)
          .doesNotThrowAnyException();
    }
  }
}
