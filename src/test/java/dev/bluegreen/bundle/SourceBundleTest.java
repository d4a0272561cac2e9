package dev.bluegreen.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceBundleTest {

  @TempDir Path ws;

  private Path app() throws IOException {
    Path app = Files.createDirectories(ws.resolve("app"));
    Files.writeString(app.resolve("index.html"), "hi");
    return app;
  }

  @Test
  void aLinkToAnEnclosingDirectory_isALoop() throws IOException {
    Path app = app();
    Files.createDirectories(app.resolve("a"));
    Files.createSymbolicLink(app.resolve("a/up"), Path.of(".."));

    SourceBundle.Inspection i = SourceBundle.inspect("app", ws, true);

    assertThat(i.bundle()).isEmpty();
    assertThat(i.problems())
        .singleElement()
        .asString()
        .endsWith("a/up is a link to " + app.toRealPath() + ", which contains it: a loop");
  }

  @Test
  void aBrokenLink_isAProblemUnlessItIsLeftOut() throws IOException {
    Path app = app();
    Files.createSymbolicLink(app.resolve("gone"), Path.of("nowhere"));
    assertThat(SourceBundle.inspect("app", ws, true).problems())
        .singleElement()
        .asString()
        .contains("is a link to nothing");

    Files.writeString(app.resolve(".ebignore"), "gone\n");
    assertThat(SourceBundle.inspect("app", ws, true).problems()).isEmpty();
  }

  @Test
  void aLinkOutThatEbignoreLeavesOut_isNotAProblem() throws IOException {
    Path app = app();
    Path link = Files.createSymbolicLink(app.resolve("passwd"), Path.of("/etc/passwd"));
    try {
      Files.writeString(app.resolve(".ebignore"), "/passwd\n");

      SourceBundle bundle = SourceBundle.inspect("app", ws, true).bundle().orElseThrow();

      assertThat(bundle.leftOut()).contains("left out 1 entry matched by .ebignore (passwd)");
    } finally {
      // @TempDir's clean-up would delete it too, but warns about every link out of the directory.
      Files.delete(link);
    }
  }

  @Test
  void gitMetadataIsLeftOutAtAnyDepth() throws IOException {
    Path app = app();
    Files.createDirectories(app.resolve("vendor/lib/.git"));
    Files.writeString(app.resolve("vendor/lib/.git/config"), "token");
    Files.writeString(app.resolve("vendor/lib/main.js"), "x");

    SourceBundle bundle = SourceBundle.inspect("app", ws, true).bundle().orElseThrow();

    assertThat(bundle.leftOut())
        .hasValueSatisfying(l -> assertThat(l).startsWith("left out 1 entry (vendor/lib/.git/"));
  }

  @Test
  void theSameTreeGivesTheSameBytes() throws IOException {
    Path app = app();
    Files.writeString(app.resolve("b.txt"), "b");
    try (Scratch scratch = new Scratch(ws)) {
      SourceBundle bundle = SourceBundle.inspect("app", ws, true).bundle().orElseThrow();
      String first = SourceBundle.sha256(bundle.prepare(scratch));
      Files.setLastModifiedTime(
          app.resolve("b.txt"), java.nio.file.attribute.FileTime.fromMillis(0));
      assertThat(SourceBundle.sha256(bundle.prepare(scratch))).isEqualTo(first);
    }
    assertThat(ws.toFile().list()).containsExactly("app");
  }
}
