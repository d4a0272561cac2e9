package dev.bluegreen.simulator.s3;

import java.time.Instant;
import java.util.Map;

/** A stored object: its bytes, ETag and user metadata ({@code x-amz-meta-*} without the prefix). */
public record S3Object(
    Content content,
    String etag,
    Instant lastModified,
    String contentType,
    Map<String, String> metadata) {

  /** All the bytes in memory: for small objects. */
  public byte[] data() {
    return content.bytes();
  }

  public long size() {
    return content.size();
  }
}
