package dev.bluegreen.simulator.s3;

import dev.bluegreen.simulator.core.Account;
import dev.bluegreen.simulator.core.ApiError;
import dev.bluegreen.simulator.core.Scheduler;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * S3's state: buckets, their objects, and multipart uploads in progress. Operations throw {@link
 * ApiError} with S3's codes and messages; {@link S3Api} is the wire format. Every operation holds
 * the account lock ({@link Scheduler}).
 */
public final class S3 {

  private record Multipart(
      String bucket,
      String key,
      Map<String, String> metadata,
      String contentType,
      Map<Integer, byte[]> parts) {}

  private final Scheduler scheduler;
  private final Account account;
  private final Map<String, Map<String, S3Object>> buckets = new LinkedHashMap<>();
  private final Map<String, Multipart> uploads = new LinkedHashMap<>();

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
              data,
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
    b.put(key, object);
  }

  public Optional<S3Object> object(String bucket, String key) {
    synchronized (scheduler) {
      return Optional.ofNullable(buckets.get(bucket)).map(b -> b.get(key));
    }
  }

  /** Removes the object if there is one. */
  public void deleteObject(String bucket, String key) {
    synchronized (scheduler) {
      Optional.ofNullable(buckets.get(bucket)).ifPresent(b -> b.remove(key));
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

  void uploadPart(String uploadId, int partNumber, byte[] data) {
    synchronized (scheduler) {
      upload(uploadId).parts().put(partNumber, data);
    }
  }

  /** Joins the listed parts; returns the stored object with its multipart ETag. */
  S3Object completeMultipartUpload(String uploadId, List<Integer> partNumbers) {
    synchronized (scheduler) {
      Multipart upload = upload(uploadId);
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      ByteArrayOutputStream md5s = new ByteArrayOutputStream();
      for (int n : partNumbers) {
        byte[] part = upload.parts().get(n);
        if (part == null) {
          throw new ApiError(
              400,
              "InvalidPart",
              "One or more of the specified parts could not be found.  The part may not "
                  + "have been uploaded, or the specified entity tag may not match the part's entity tag.");
        }
        all.writeBytes(part);
        md5s.writeBytes(Digests.md5(part));
      }
      String etag =
          "\"" + Digests.hex(Digests.md5(md5s.toByteArray())) + "-" + partNumbers.size() + "\"";
      S3Object object =
          new S3Object(
              all.toByteArray(), etag, scheduler.now(), upload.contentType(), upload.metadata());
      store(upload.bucket(), upload.key(), object);
      uploads.remove(uploadId);
      return object;
    }
  }

  void abortMultipartUpload(String uploadId) {
    synchronized (scheduler) {
      uploads.remove(uploadId);
    }
  }

  private Multipart upload(String uploadId) {
    Multipart upload = uploads.get(uploadId);
    if (upload == null) {
      throw new ApiError(
          404,
          "NoSuchUpload",
          "The specified upload does not exist. The upload ID may be invalid, "
              + "or the upload may have been aborted or completed.");
    }
    return upload;
  }
}
