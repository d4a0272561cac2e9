package dev.bluegreen.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's simulator block as a reader runs it: copied verbatim, with bash, from a directory
 * where {@code target/bluegreen.jar} is this build's jar, twice in a row in the same directory.
 */
class ReadmeSnippetIT {

  private static final String START = "<!-- simulator-snippet:start";
  private static final String END = "<!-- simulator-snippet:end";
  private static final long RUN_LIMIT_SECONDS = 90;

  @Test
  void simulatorBlock_runsTwiceInARow_promotesV2_andLeavesNoSimulatorRunning() throws Exception {
    String block = simulatorBlock(Files.readString(Path.of("README.md")));
    Path jar = Path.of("target/bluegreen.jar").toAbsolutePath();
    assertThat(jar).as("the jar is packaged before integration tests run").exists();
    Path dir = Files.createTempDirectory("bluegreen-readme-").toRealPath();
    try {
      // The block is written for the project root; a link to the jar keeps sim.log and app/ out.
      Files.createDirectories(dir.resolve("target"));
      Files.createSymbolicLink(dir.resolve("target/bluegreen.jar"), jar);
      for (int run = 1; run <= 2; run++) {
        Path log = dir.resolve("run-" + run + ".log");
        int exit = runBlock(block, dir, log);
        String out = Files.readString(log);

        assertThat(exit).as("run %d exit code; output:%n%s", run, out).isZero();
        assertThat(out)
            .as("run %d", run)
            .contains("v2 is live on my-app-green", "result=promoted", "SwapEnvironmentCNAMEs OK");
        assertThat(out.lines()).as("curl's answer in run %d:%n%s", run, out).contains("v2");
        assertThat(
                processesIn(dir).stream()
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("")))
            .as("processes left running in %s after run %d", dir, run)
            .isEmpty();
        int port = simulatorPort(Files.readString(dir.resolve("sim.log")));
        assertThat(portIsFree(port)).as("port %d free after run %d", port, run).isTrue();
      }
    } finally {
      processesIn(dir).forEach(ProcessHandle::destroyForcibly);
      deleteTree(dir);
    }
  }

  /** The bash code between the README's markers. */
  static String simulatorBlock(String readme) {
    int start = readme.indexOf(START);
    assertThat(start).as("README marker %s", START).isNotNegative();
    assertThat(readme.indexOf(START, start + 1)).as("a second %s", START).isNegative();
    int end = readme.indexOf(END, start);
    assertThat(end).as("README marker %s", END).isPositive();
    String between = readme.substring(start, end);
    int open = between.indexOf("```bash\n");
    int close = between.lastIndexOf("```");
    assertThat(open).as("a ```bash block between the markers").isNotNegative();
    assertThat(close).isGreaterThan(open);
    return between.substring(open + "```bash\n".length(), close);
  }

  private static int runBlock(String block, Path dir, Path log) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-euo", "pipefail", "-c", block)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    // As in a fresh shell: none of the build's AWS or proxy variables; the block exports its own.
    env.keySet()
        .removeIf(k -> k.startsWith("AWS_") || k.toLowerCase(Locale.ROOT).endsWith("_proxy"));
    // The block's `java` is the JDK running this build, whichever java PATH would find first.
    env.put(
        "PATH",
        Path.of(System.getProperty("java.home"), "bin") + ":" + env.getOrDefault("PATH", ""));
    Process process = pb.start();
    process.getOutputStream().close();
    if (!process.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      fail(
          "the README block ran longer than %d s; output:%n%s",
          RUN_LIMIT_SECONDS, Files.readString(log));
    }
    return process.exitValue();
  }

  /**
   * Processes whose working directory is {@code dir}: what the block started and left behind, even
   * after bash is gone and they were re-parented. Reads /proc, so it finds nothing where there is
   * none; the port check still applies there.
   */
  private static List<ProcessHandle> processesIn(Path dir) {
    return ProcessHandle.allProcesses()
        .filter(
            p -> {
              try {
                return Files.readSymbolicLink(Path.of("/proc", String.valueOf(p.pid()), "cwd"))
                    .equals(dir);
              } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
              }
            })
        .toList();
  }

  private static int simulatorPort(String simLog) {
    Matcher m = Pattern.compile("simulator listening on http://localhost:(\\d+)").matcher(simLog);
    assertThat(m.find()).as("the port in sim.log:%n%s", simLog).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static boolean portIsFree(int port) throws IOException {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.isBound();
    } catch (BindException e) {
      return false;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
