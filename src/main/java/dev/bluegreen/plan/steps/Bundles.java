package dev.bluegreen.plan.steps;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Source bundles: a directory is zipped reproducibly (sorted entries, fixed times), so the same tree gives the same bytes. */
final class Bundles {
  private static final FileTime EPOCH = FileTime.fromMillis(315532800000L); // 1980-01-01, the zip format's first instant

  private Bundles() {}

  /** The file to upload: the bundle itself, or a zip of the directory written to {@code workDir}. */
  static Path prepare(Path source, Path workDir) throws IOException {
    if (!Files.isDirectory(source)) {
      return source;
    }
    Path zip = Files.createTempFile(workDir, "bundle-", ".zip");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(source)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      for (Path file : files) {
        ZipEntry entry = new ZipEntry(source.relativize(file).toString().replace('\\', '/'));
        entry.setLastModifiedTime(EPOCH);
        z.putNextEntry(entry);
        Files.copy(file, z);
        z.closeEntry();
      }
    }
    return zip;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
