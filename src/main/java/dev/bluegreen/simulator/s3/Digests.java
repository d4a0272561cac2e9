package dev.bluegreen.simulator.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/** The digests S3 computes: MD5 ETags and the {@code x-amz-checksum-*} algorithms. */
final class Digests {

  private Digests() {}

  /** The base64 value of {@code x-amz-checksum-<algorithm>} for the data. */
  static String checksum(String algorithm, byte[] data) {
    try {
      return switch (algorithm) {
        case "crc32" -> crc(new CRC32(), data);
        case "crc32c" -> crc(new CRC32C(), data);
        case "sha1" ->
            Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(data));
        case "sha256" ->
            Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
        case "crc64nvme" -> Base64.getEncoder().encodeToString(Crc64Nvme.checksum(data));
        default -> throw new IllegalArgumentException(algorithm);
      };
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String crc(Checksum c, byte[] data) {
    c.update(data, 0, data.length);
    long v = c.getValue();
    return Base64.getEncoder()
        .encodeToString(
            new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
  }

  static byte[] md5(byte[] data) {
    try {
      return MessageDigest.getInstance("MD5").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(String.format("%02x", b));
    }
    return s.toString();
  }
}
