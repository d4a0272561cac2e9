package dev.bluegreen.scenarios;

import static dev.bluegreen.scenarios.ActionRunIT.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.simulator.s3.S3Object;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * What goes into the uploaded bundle: only what the workspace means to ship. Every run is a deploy
 * through INPUT_ variables with GITHUB_WORKSPACE, as in Actions.
 */
class BundleIT {

  private static final String BUCKET = "elasticbeanstalk-us-east-1-123456789012";

  private static Map<String, String> deploy(Path workspace, String bundle) {
    Map<String, String> env =
        inputs(
            Map.of(
                "application-name",
                "shop",
                "blue-environment",
                "shop-blue",
                "green-environment",
                "shop-green",
                "production-cname",
                "shop",
                "version-label",
                "v2",
                "source-bundle",
                bundle));
    env.put("GITHUB_WORKSPACE", workspace.toString());
    return env;
  }

  private static Path workspace(Stage stage) {
    try {
      Path ws = Files.createDirectories(stage.dir.resolve("workspace"));
      Files.createDirectories(ws.resolve("app"));
      Files.writeString(ws.resolve("app/index.html"), "<h1>v2</h1>\n");
      return ws;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Name to content of every entry of the uploaded bundle. */
  private static Map<String, String> uploaded(Stage stage) throws IOException {
    S3Object object = stage.sim.s3().object(BUCKET, "shop/v2.zip").orElseThrow();
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(object.data()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }

  @Test
  void linksOutOfTheBundle_areRefusedByNameAndNothingIsUploaded() throws IOException {
    try (Stage stage = Stage.pair()) {
      Path ws = workspace(stage);
      Files.createSymbolicLink(ws.resolve("app/environ"), Path.of("/proc/self/environ"));
      Files.createSymbolicLink(ws.resolve("app/passwd"), Path.of("/etc/passwd"));
      Map<String, String> env = deploy(ws, "app");
      env.put("AWS_SESSION_TOKEN", "FwoGZXIvYXdzEJr-session-token-that-must-not-ship");

      Stage.Run run = stage.run(env);

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.log())
          .contains(
              "::error::source-bundle: "
                  + ws.toRealPath().resolve("app/environ")
                  + " is a link to /proc/",
              "::error::source-bundle: "
                  + ws.toRealPath().resolve("app/passwd")
                  + " is a link to /etc/passwd, outside the bundle "
                  + "directory");
      assertThat(stage.sim.calls().all()).isEmpty();
    }
  }

  @Test
  void aBundleThatIsItselfALinkOutOfTheWorkspace_isRefused() throws IOException {
    try (Stage stage = Stage.pair()) {
      Path ws = workspace(stage);
      Files.createSymbolicLink(ws.resolve("app.zip"), Path.of("/etc/passwd"));

      Stage.Run run = stage.run(deploy(ws, "app.zip"));

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.log())
          .contains(
              "::error::source-bundle: app.zip resolves to /etc/passwd, outside the workspace "
                  + ws.toRealPath());
      assertThat(stage.sim.calls().all()).isEmpty();
    }
  }

  @Test
  void pathsOutsideTheWorkspace_areRefusedWithWhereTheyResolved() throws IOException {
    try (Stage stage = Stage.pair()) {
      Path ws = workspace(stage);
      Path outside = Files.createDirectories(stage.dir.resolve("outside"));
      Files.writeString(outside.resolve("index.html"), "not in the workspace");

      Stage.Run relative = stage.run(deploy(ws, "../outside"));
      Stage.Run absolute = stage.run(deploy(ws, outside.toString()));

      assertThat(relative.exit()).isEqualTo(2);
      assertThat(relative.log())
          .contains(
              "::error::source-bundle: ../outside resolves to "
                  + outside.toRealPath()
                  + ", outside the workspace "
                  + ws.toRealPath());
      assertThat(absolute.exit()).isEqualTo(2);
      assertThat(absolute.log())
          .contains("resolves to " + outside.toRealPath() + ", outside the workspace");
      assertThat(stage.sim.calls().all()).isEmpty();
    }
  }

  @Test
  void gitMetadataIsLeftOutAndEbignoreIsHonoured() throws IOException {
    try (Stage stage = Stage.pair()) {
      Path ws = workspace(stage);
      Files.createDirectories(ws.resolve(".git"));
      Files.writeString(
          ws.resolve(".git/config"),
          "[http \"https://github.com/\"]\n\textraheader = AUTHORIZATION: basic "
              + "eC1hY2Nlc3MtdG9rZW46Z2hzX3NlY3JldA==\n");
      Files.createDirectories(ws.resolve("secrets"));
      Files.writeString(ws.resolve("secrets/key.pem"), "-----BEGIN PRIVATE KEY-----");
      Files.writeString(ws.resolve("debug.log"), "noise");
      Files.writeString(ws.resolve("keep.log"), "wanted");
      Files.writeString(ws.resolve(".ebignore"), "# EB CLI syntax\nsecrets/\n*.log\n!keep.log\n");

      Stage.Run run = stage.run(deploy(ws, "."));

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(uploaded(stage).keySet())
          .containsExactly(".ebignore", "app/index.html", "keep.log");
      assertThat(run.log())
          .contains(
              "left out 1 entry (.git/: git metadata, where actions/checkout keeps the job's token) "
                  + "and 2 entries matched by .ebignore (debug.log, secrets/)");
    }
  }

  @Test
  void linksThatStayInsideAreFollowed() throws IOException {
    try (Stage stage = Stage.pair()) {
      Path ws = workspace(stage);
      Files.createDirectories(ws.resolve("app/releases/v2"));
      Files.writeString(ws.resolve("app/releases/v2/main.js"), "console.log(2)");
      Files.createSymbolicLink(ws.resolve("app/current"), Path.of("releases/v2"));
      Files.createSymbolicLink(ws.resolve("app/home.html"), Path.of("index.html"));

      Stage.Run run = stage.run(deploy(ws, "app"));

      assertThat(run.exit()).as(run.log()).isZero();
      assertThat(uploaded(stage))
          .containsEntry("current/main.js", "console.log(2)")
          .containsEntry("home.html", "<h1>v2</h1>\n")
          .containsEntry("releases/v2/main.js", "console.log(2)");
    }
  }

  @Test
  void specialFiles_areRefusedInsteadOfHangingTheRun() throws Exception {
    try (Stage stage = Stage.pair()) {
      Path ws = workspace(stage);
      mkfifo(ws.resolve("app.zip"));
      mkfifo(ws.resolve("app/pipe"));

      Stage.Run fifo = stage.run(deploy(ws, "app.zip"));
      Stage.Run inside = stage.run(deploy(ws, "app"));
      // Outside Actions an absolute path may point anywhere, but it must still be a file or a
      // directory.
      Stage.Run device =
          stage.run(
              Map.of("GITHUB_ACTIONS", "false"),
              Stage.swapArgs("deploy", "--version-label", "v2", "--source-bundle", "/dev/zero"));

      assertThat(fifo.exit()).isEqualTo(2);
      assertThat(fifo.log())
          .contains(
              "app.zip is a special file (a device, FIFO or socket), not a regular file or a directory");
      assertThat(inside.exit()).isEqualTo(2);
      assertThat(inside.log())
          .contains(
              "app/pipe is a special file (a device, FIFO or socket); a bundle holds only regular "
                  + "files and directories");
      assertThat(device.exit()).isEqualTo(2);
      assertThat(device.log()).contains("/dev/zero is a special file");
      assertThat(stage.sim.calls().all()).isEmpty();
    }
  }

  @Test
  void theZippedBundleIsDeletedWhateverTheOutcome() throws IOException {
    try (Stage stage = Stage.pair()) {
      Path ws = workspace(stage);
      Path tmp = Files.createDirectories(stage.dir.resolve("tmp"));
      AtomicReference<String> seenDuringTheRun = new AtomicReference<>("");
      stage.time.addObserver(
          (from, to) -> {
            if (stage.sim.calls().count("PutObject") > 0 && seenDuringTheRun.get().isEmpty()) {
              seenDuringTheRun.set(listing(tmp));
            }
          });
      Map<String, String> env = deploy(ws, "app");
      env.put("TMPDIR", tmp.toString());
      Stage.Run ok = stage.run(env);
      stage
          .sim
          .faults()
          .failOperation("UpdateEnvironment", 400, "InvalidParameterValue", "nope", 1);
      env.put("INPUT_VERSION-LABEL", "v3");
      Stage.Run failed = stage.run(env);

      assertThat(ok.exit()).as(ok.log()).isZero();
      assertThat(failed.exit()).isEqualTo(1);
      assertThat(seenDuringTheRun.get()).as("the zip is made in TMPDIR").contains("bluegreen-");
      assertThat(listing(tmp)).isEmpty();
    }
  }

  private static String listing(Path dir) {
    try (var files = Files.walk(dir)) {
      return String.join(
          ",", files.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void mkfifo(Path path) throws Exception {
    assertThat(new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor())
        .isZero();
  }
}
