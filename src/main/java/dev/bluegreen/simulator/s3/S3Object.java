package dev.bluegreen.simulator.s3;

import java.time.Instant;
import java.util.Map;

/** A stored object: its bytes, ETag and user metadata ({@code x-amz-meta-*} without the prefix). */
@SuppressWarnings("ArrayRecordComponent") // a carrier of stored bytes; objects are never compared
public record S3Object(
    byte[] data,
    String etag,
    Instant lastModified,
    String contentType,
    Map<String, String> metadata) {}
