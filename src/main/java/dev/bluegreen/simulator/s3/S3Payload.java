package dev.bluegreen.simulator.s3;

import dev.bluegreen.simulator.core.ApiError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bytes of a PUT as S3 receives them: plain, or in the SDK's {@code aws-chunked} framing with
 * trailing checksums.
 */
final class S3Payload {
  private S3Payload() {}

  /**
   * The object bytes of a PUT: the body itself, or decoded from {@code aws-chunked} framing ({@code
   * <hex size>[;chunk-signature=...]\r\n<data>\r\n ... 0\r\n<trailers>\r\n\r\n}) with the checksum
   * named in {@code x-amz-trailer} checked against the decoded bytes.
   */
  static byte[] of(S3Api.Request req) {
    String encoding = String.valueOf(req.header("content-encoding"));
    String sha = String.valueOf(req.header("x-amz-content-sha256"));
    byte[] data;
    Map<String, String> trailers = new LinkedHashMap<>();
    if (encoding.contains("aws-chunked") || sha.startsWith("STREAMING-")) {
      data = decodeChunked(req.body(), trailers);
      String declared = req.header("x-amz-decoded-content-length");
      if (declared != null && Long.parseLong(declared) != data.length) {
        throw new ApiError(400, "IncompleteBody", "The request body terminated unexpectedly");
      }
    } else {
      data = req.body();
    }
    for (String algorithm : List.of("crc32", "crc32c", "sha1", "sha256", "crc64nvme")) {
      String name = "x-amz-checksum-" + algorithm;
      String expected = trailers.containsKey(name) ? trailers.get(name) : req.header(name);
      if (expected == null) {
        continue;
      }
      String actual = Digests.checksum(algorithm, data);
      if (!expected.equals(actual)) {
        throw new ApiError(
            400,
            "BadDigest",
            "The "
                + algorithm.toUpperCase(Locale.ROOT)
                + " you specified did not match the calculated checksum.");
      }
    }
    String trailer = req.header("x-amz-trailer");
    if (trailer != null && !trailers.containsKey(trailer.toLowerCase(Locale.ROOT))) {
      throw new ApiError(
          400,
          "MalformedTrailerError",
          "The request contained trailing data that was not well-formed or did "
              + "not conform to our published schema.");
    }
    return data;
  }

  private static byte[] decodeChunked(byte[] body, Map<String, String> trailers) {
    // The framing only adds to the data: the body's length is enough, and no copy is made to grow.
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
    int pos = 0;
    while (true) {
      int eol = indexOfCrlf(body, pos);
      if (eol < 0) {
        throw new ApiError(400, "IncompleteBody", "The request body terminated unexpectedly");
      }
      String header = new String(body, pos, eol - pos, StandardCharsets.US_ASCII);
      int semi = header.indexOf(';');
      int size = Integer.parseInt((semi < 0 ? header : header.substring(0, semi)).trim(), 16);
      pos = eol + 2;
      if (size == 0) {
        break;
      }
      if (pos + size > body.length) {
        throw new ApiError(400, "IncompleteBody", "The request body terminated unexpectedly");
      }
      out.write(body, pos, size);
      pos += size + 2;
    }
    while (pos < body.length) {
      int eol = indexOfCrlf(body, pos);
      if (eol < 0) {
        eol = body.length;
      }
      String line = new String(body, pos, eol - pos, StandardCharsets.US_ASCII);
      pos = eol + 2;
      int colon = line.indexOf(':');
      if (colon > 0) {
        trailers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    return out.toByteArray();
  }

  private static int indexOfCrlf(byte[] b, int from) {
    for (int i = from; i + 1 < b.length; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
