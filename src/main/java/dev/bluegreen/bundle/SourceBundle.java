package dev.bluegreen.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The {@code source-bundle} the workspace means to ship, checked before anything changes: a .zip,
 * .jar or .war file, or a directory that is zipped. Only regular files and directories; nothing
 * outside the workspace (a path, or a link, that resolves elsewhere is refused); in a directory,
 * links are followed only when their target stays inside it, {@code .git/} is left out (it may hold
 * the job's token) and so is whatever an {@code .ebignore} file at its root names.
 */
public final class SourceBundle {

  /** Written into the archive as every entry's time: the same tree always gives the same bytes. */
  private static final FileTime EPOCH =
      FileTime.fromMillis(315532800000L); // 1980-01-01, the zip format's first instant

  static final String EBIGNORE = ".ebignore";
  static final String GIT = ".git";

  /** A file of a directory bundle: its name in the archive and where its bytes are. */
  record Entry(String name, Path file) {}

  /** The bundle, or every problem that prevents it, each a sentence naming the path. */
  public record Inspection(Optional<SourceBundle> bundle, List<String> problems) {}

  private final Path path;
  private final List<Entry> entries;
  private final List<String> gitLeftOut;
  private final List<String> ignoredLeftOut;

  private SourceBundle(
      Path path, List<Entry> entries, List<String> gitLeftOut, List<String> ignoredLeftOut) {
    this.path = path;
    this.entries = entries;
    this.gitLeftOut = gitLeftOut;
    this.ignoredLeftOut = ignoredLeftOut;
  }

  /**
   * Checks {@code given} (relative to {@code workspace}, or absolute).
   *
   * @param confined the real path must lie inside the workspace: always in GitHub Actions, and for
   *     relative paths elsewhere (an absolute path typed on a command line is the user's choice)
   */
  public static Inspection inspect(String given, Path workspace, boolean confined) {
    List<String> problems = new ArrayList<>();
    Path candidate;
    try {
      candidate = workspace.resolve(given).normalize();
    } catch (InvalidPathException e) {
      problems.add("'" + given + "' is not a path: " + e.getReason());
      return new Inspection(Optional.empty(), problems);
    }
    Path real;
    BasicFileAttributes attrs;
    try {
      real = candidate.toRealPath();
      attrs = Files.readAttributes(real, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      problems.add(candidate + " does not exist (paths are relative to " + workspace + ")");
      return new Inspection(Optional.empty(), problems);
    } catch (IOException e) {
      problems.add("cannot read " + candidate + ": " + e.getMessage());
      return new Inspection(Optional.empty(), problems);
    }
    if (confined) {
      Path root = realOrSelf(workspace);
      if (!real.startsWith(root)) {
        problems.add(
            given
                + " resolves to "
                + real
                + ", outside the workspace "
                + root
                + "; the bundle must come from "
                + "the workspace"
                + (Path.of(given).isAbsolute()
                    ? ""
                    : " (outside GitHub Actions an absolute path may point elsewhere)"));
        return new Inspection(Optional.empty(), problems);
      }
    }
    if (attrs.isRegularFile()) {
      String name = candidate.getFileName().toString().toLowerCase(Locale.ROOT);
      if (!(name.endsWith(".zip") || name.endsWith(".jar") || name.endsWith(".war"))) {
        problems.add(candidate + " must be a .zip, .jar or .war file, or a directory to zip");
      }
      return result(new SourceBundle(real, null, List.of(), List.of()), problems);
    }
    if (!attrs.isDirectory()) {
      problems.add(candidate + " is " + kind(attrs) + ", not a regular file or a directory");
      return new Inspection(Optional.empty(), problems);
    }
    Walk walk = new Walk(real, problems);
    walk.directory(real, "");
    walk.entries.sort(Comparator.comparing(Entry::name));
    return result(
        new SourceBundle(real, List.copyOf(walk.entries), walk.git, walk.ignored), problems);
  }

  private static Inspection result(SourceBundle bundle, List<String> problems) {
    return new Inspection(
        problems.isEmpty() ? Optional.of(bundle) : Optional.empty(), List.copyOf(problems));
  }

  /** The bundle's real path. */
  public Path path() {
    return path;
  }

  public boolean isDirectory() {
    return entries != null;
  }

  /** {@code app.zip}, or {@code app/ (zipped)}. */
  public String describe() {
    Path name = path.getFileName();
    String shown = name == null ? path.toString() : name.toString();
    return isDirectory() ? shown + "/ (zipped)" : shown;
  }

  /** What was left out of a directory bundle and why; empty when nothing was. */
  public Optional<String> leftOut() {
    List<String> parts = new ArrayList<>();
    if (!gitLeftOut.isEmpty()) {
      parts.add(
          count(gitLeftOut)
              + " ("
              + list(gitLeftOut)
              + ": git metadata, where actions/checkout keeps the job's token)");
    }
    if (!ignoredLeftOut.isEmpty()) {
      parts.add(
          count(ignoredLeftOut) + " matched by " + EBIGNORE + " (" + list(ignoredLeftOut) + ")");
    }
    return parts.isEmpty()
        ? Optional.empty()
        : Optional.of("left out " + String.join(" and ", parts));
  }

  /** The file to upload: the bundle itself, or the directory zipped into {@code scratch}. */
  public Path prepare(Scratch scratch) throws IOException {
    if (!isDirectory()) {
      return path;
    }
    Path zip = scratch.newFile("bundle-", ".zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (Entry entry : entries) {
        ZipEntry e = new ZipEntry(entry.name());
        e.setLastModifiedTime(EPOCH);
        z.putNextEntry(e);
        // The walk saw a regular file here; refusing to follow a link now keeps a file swapped for
        // a link since then out of the bundle.
        try (InputStream in = Files.newInputStream(entry.file(), LinkOption.NOFOLLOW_LINKS)) {
          in.transferTo(z);
        }
        z.closeEntry();
      }
    }
    return zip;
  }

  public static String sha256(Path file) throws IOException {
    try (InputStream in =
        new DigestInputStream(
            Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS),
            MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The directory walk: entries, what was left out, and problems, in one pass that follows no link
   * blindly.
   */
  private static final class Walk {
    private final Path root;
    private final List<String> problems;
    private final IgnoreRules rules;
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> git = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private final List<Path> open = new ArrayList<>();

    Walk(Path root, List<String> problems) {
      this.root = root;
      this.problems = problems;
      this.rules = readRules(root, problems);
    }

    void directory(Path dir, String prefix) {
      open.add(dir);
      List<Path> children;
      try (Stream<Path> list = Files.list(dir)) {
        children = list.sorted().toList();
      } catch (IOException e) {
        problems.add("cannot list " + dir + ": " + e.getMessage());
        return;
      }
      for (Path child : children) {
        String name = prefix + child.getFileName();
        BasicFileAttributes attrs;
        try {
          attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
          problems.add("cannot read " + child + ": " + e.getMessage());
          continue;
        }
        Path target = child;
        if (attrs.isSymbolicLink()) {
          try {
            target = child.toRealPath();
            attrs = Files.readAttributes(target, BasicFileAttributes.class);
          } catch (IOException e) {
            if (!leftOut(name, false)) {
              problems.add(
                  child
                      + " is a link to nothing ("
                      + e.getMessage()
                      + "); remove it or list it in "
                      + EBIGNORE);
            }
            continue;
          }
        }
        if (leftOut(name, attrs.isDirectory())) {
          continue;
        }
        if (!target.startsWith(root)) {
          problems.add(
              child
                  + " is a link to "
                  + target
                  + ", outside the bundle directory "
                  + root
                  + "; links may only "
                  + "point inside it (remove the link, copy the file in, or list it in "
                  + EBIGNORE
                  + ")");
        } else if (attrs.isDirectory()) {
          if (open.contains(target)) {
            problems.add(child + " is a link to " + target + ", which contains it: a loop");
          } else {
            directory(target, name + "/");
          }
        } else if (attrs.isRegularFile()) {
          entries.add(new Entry(name, target));
        } else {
          problems.add(
              child + " is " + kind(attrs) + "; a bundle holds only regular files and directories");
        }
      }
      open.remove(open.size() - 1);
    }

    private boolean leftOut(String name, boolean directory) {
      String shown = directory ? name + "/" : name;
      if (name.equals(GIT) || name.endsWith("/" + GIT)) {
        git.add(shown);
        return true;
      }
      if (rules.ignored(name, directory)) {
        ignored.add(shown);
        return true;
      }
      return false;
    }

    private static IgnoreRules readRules(Path root, List<String> problems) {
      Path file = root.resolve(EBIGNORE);
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return IgnoreRules.none();
      }
      try {
        return IgnoreRules.parse(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        problems.add("cannot read " + file + ": " + e.getMessage());
        return IgnoreRules.none();
      }
    }
  }

  private static String kind(BasicFileAttributes attrs) {
    return attrs.isOther()
        ? "a special file (a device, FIFO or socket)"
        : "neither a file nor a directory";
  }

  private static Path realOrSelf(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  private static String count(List<String> names) {
    return names.size() == 1 ? "1 entry" : names.size() + " entries";
  }

  private static String list(List<String> names) {
    return names.size() <= 5
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, 5)) + ", …";
  }
}
