package dev.bluegreen.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A run's temporary files (zipped bundles), in one directory that exists only while the run does:
 * closing deletes it and everything in it, whatever the outcome. A bundle may hold whatever the
 * workspace held, so none of it is left behind.
 */
public final class Scratch implements AutoCloseable {
  private final Path base;
  private Path dir;

  /**
   * @param base where the directory is made: TMPDIR when set, else java.io.tmpdir
   */
  public Scratch(Path base) {
    this.base = base;
  }

  /** A new empty file in the scratch directory, made on first use. */
  public synchronized Path newFile(String prefix, String suffix) throws IOException {
    return Files.createTempFile(dir(), prefix, suffix);
  }

  /** A new empty directory in the scratch directory. */
  public synchronized Path newDirectory(String prefix) throws IOException {
    return Files.createTempDirectory(dir(), prefix);
  }

  private Path dir() throws IOException {
    if (dir == null) {
      dir = Files.createTempDirectory(base, "bluegreen-");
    }
    return dir;
  }

  /**
   * The JVM's temporary directory, or TMPDIR from this environment when it is set (as mktemp reads
   * it).
   */
  public static Path baseFor(java.util.Map<String, String> env) {
    String tmp = env.get("TMPDIR");
    return Path.of(tmp != null && !tmp.isBlank() ? tmp : System.getProperty("java.io.tmpdir"));
  }

  @Override
  public synchronized void close() {
    if (dir == null) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
      dir = null;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not delete the temporary directory " + dir + ": " + e.getMessage(), e);
    }
  }
}
