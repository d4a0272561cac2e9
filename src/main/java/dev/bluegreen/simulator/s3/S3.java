package dev.bluegreen.simulator.s3;

import dev.bluegreen.simulator.core.Account;
import dev.bluegreen.simulator.core.ApiError;
import dev.bluegreen.simulator.core.Scheduler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * S3's state: buckets, their objects, and multipart uploads in progress. Operations throw {@link
 * ApiError} with S3's codes and messages; {@link S3Api} is the wire format. Every operation holds
 * the account lock ({@link Scheduler}).
 *
 * <p>Parts of multipart uploads, and the objects made from them, are kept in files of a temporary
 * directory ({@link #close()} removes it): a bundle of gigabytes then costs the simulator disk, not
 * memory. Single PutObject bodies stay in memory.
 */
public final class S3 implements AutoCloseable {

  /** A received part: its bytes in a file, and its MD5 for the ETags. */
  @SuppressWarnings("ArrayRecordComponent") // never compared
  private record Part(Path file, long size, byte[] md5) {}

  private record Multipart(
      String bucket,
      String key,
      Map<String, String> metadata,
      String contentType,
      Map<Integer, Part> parts) {}

  private final Scheduler scheduler;
  private final Account account;
  private final Map<String, Map<String, S3Object>> buckets = new LinkedHashMap<>();
  private final Map<String, Multipart> uploads = new LinkedHashMap<>();
  private Path spill;

  public S3(Scheduler scheduler, Account account) {
    this.scheduler = scheduler;
    this.account = account;
  }

  String region() {
    return account.region();
  }

  /** Creates the bucket; false when it exists already. */
  public boolean createBucket(String bucket) {
    synchronized (scheduler) {
      if (buckets.containsKey(bucket)) {
        return false;
      }
      buckets.put(bucket, new LinkedHashMap<>());
      return true;
    }
  }

  boolean bucketExists(String bucket) {
    synchronized (scheduler) {
      return buckets.containsKey(bucket);
    }
  }

  /** Stores {@code data} under the key with its MD5 ETag, stamped now. */
  public S3Object putObject(
      String bucket, String key, byte[] data, String contentType, Map<String, String> metadata) {
    synchronized (scheduler) {
      S3Object object =
          new S3Object(
              Content.of(data),
              "\"" + Digests.hex(Digests.md5(data)) + "\"",
              scheduler.now(),
              contentType,
              metadata);
      store(bucket, key, object);
      return object;
    }
  }

  private void store(String bucket, String key, S3Object object) {
    Map<String, S3Object> b = buckets.get(bucket);
    if (b == null) {
      throw new ApiError(404, "NoSuchBucket", "The specified bucket does not exist");
    }
    S3Object replaced = b.put(key, object);
    if (replaced != null && replaced.content() != object.content()) {
      replaced.content().delete();
    }
  }

  public Optional<S3Object> object(String bucket, String key) {
    synchronized (scheduler) {
      return Optional.ofNullable(buckets.get(bucket)).map(b -> b.get(key));
    }
  }

  /** Removes the object if there is one. */
  public void deleteObject(String bucket, String key) {
    synchronized (scheduler) {
      Optional.ofNullable(buckets.get(bucket))
          .map(b -> b.remove(key))
          .ifPresent(o -> o.content().delete());
    }
  }

  String createMultipartUpload(
      String bucket, String key, String contentType, Map<String, String> metadata) {
    synchronized (scheduler) {
      if (!buckets.containsKey(bucket)) {
        throw new ApiError(404, "NoSuchBucket", "The specified bucket does not exist");
      }
      String id = account.alnum(32);
      uploads.put(id, new Multipart(bucket, key, metadata, contentType, new TreeMap<>()));
      return id;
    }
  }

  /**
   * Keeps the part's bytes in a file (written before taking the lock: a part may be large), in
   * place of an earlier part with the same number. Returns the part's ETag.
   */
  String uploadPart(String uploadId, int partNumber, byte[] data) {
    synchronized (scheduler) {
      upload(uploadId);
    }
    Path file = spillFile("part-");
    try {
      Files.write(file, data);
    } catch (IOException e) {
      delete(file);
      throw new UncheckedIOException(e);
    }
    Part part = new Part(file, data.length, Digests.md5(data));
    synchronized (scheduler) {
      Multipart upload = uploads.get(uploadId);
      if (upload == null) { // aborted or completed meanwhile
        delete(file);
        throw noSuchUpload();
      }
      Part replaced = upload.parts().put(partNumber, part);
      if (replaced != null) {
        delete(replaced.file());
      }
    }
    return "\"" + Digests.hex(part.md5()) + "\"";
  }

  /**
   * Joins the listed parts into one file; returns the stored object with its multipart ETag. The
   * upload ends when its parts are found; the joining (a copy in the kernel, about a second per
   * gigabyte) happens outside the lock.
   */
  S3Object completeMultipartUpload(String uploadId, List<Integer> partNumbers) {
    Multipart upload;
    List<Part> listed = new ArrayList<>();
    synchronized (scheduler) {
      upload = upload(uploadId);
      for (int n : partNumbers) {
        Part part = upload.parts().get(n);
        if (part == null) {
          throw new ApiError(
              400,
              "InvalidPart",
              "One or more of the specified parts could not be found.  The part may not "
                  + "have been uploaded, or the specified entity tag may not match the part's entity tag.");
        }
        listed.add(part);
      }
      uploads.remove(uploadId);
    }
    Path joined = spillFile("object-");
    long size = 0;
    ByteArrayOutputStream md5s = new ByteArrayOutputStream();
    try (FileChannel out = FileChannel.open(joined, StandardOpenOption.WRITE)) {
      for (Part part : listed) {
        try (FileChannel in = FileChannel.open(part.file())) {
          for (long done = 0; done < part.size(); ) {
            long n = in.transferTo(done, part.size() - done, out);
            if (n <= 0) {
              throw new IOException(part.file() + " is shorter than its " + part.size() + " bytes");
            }
            done += n;
          }
        }
        size += part.size();
        md5s.writeBytes(part.md5());
      }
    } catch (IOException e) {
      delete(joined);
      throw new UncheckedIOException(e);
    } finally {
      upload.parts().values().forEach(p -> delete(p.file()));
    }
    String etag =
        "\"" + Digests.hex(Digests.md5(md5s.toByteArray())) + "-" + partNumbers.size() + "\"";
    synchronized (scheduler) {
      S3Object object =
          new S3Object(
              Content.inFile(joined, size),
              etag,
              scheduler.now(),
              upload.contentType(),
              upload.metadata());
      try {
        store(upload.bucket(), upload.key(), object);
      } catch (ApiError e) {
        delete(joined);
        throw e;
      }
      return object;
    }
  }

  void abortMultipartUpload(String uploadId) {
    synchronized (scheduler) {
      Multipart upload = uploads.remove(uploadId);
      if (upload != null) {
        upload.parts().values().forEach(p -> delete(p.file()));
      }
    }
  }

  /** Removes the files of parts and objects. */
  @Override
  public void close() {
    Path dir;
    synchronized (scheduler) {
      dir = spill;
      spill = null;
    }
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
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.deleteIfExists(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // Temporary files; nothing else to do about them.
    }
  }

  private Path spillFile(String prefix) {
    try {
      Path dir;
      synchronized (scheduler) {
        if (spill == null) {
          spill = Files.createTempDirectory("bluegreen-simulator-s3-");
        }
        dir = spill;
      }
      return Files.createTempFile(dir, prefix, ".bin");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A temporary file; close() removes its directory.
    }
  }

  private Multipart upload(String uploadId) {
    Multipart upload = uploads.get(uploadId);
    if (upload == null) {
      throw noSuchUpload();
    }
    return upload;
  }

  private static ApiError noSuchUpload() {
    return new ApiError(
        404,
        "NoSuchUpload",
        "The specified upload does not exist. The upload ID may be invalid, "
            + "or the upload may have been aborted or completed.");
  }
}
