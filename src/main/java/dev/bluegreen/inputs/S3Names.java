package dev.bluegreen.inputs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amazon S3's naming rules for general purpose buckets and object keys, checked before any upload.
 */
final class S3Names {
  private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
  private static final Pattern IP_ADDRESS = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
  private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
  private static final List<String> RESERVED_SUFFIXES =
      List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

  /** S3's limit for a key, in UTF-8 bytes; Elastic Beanstalk's S3Key has the same. */
  static final int MAX_KEY_BYTES = 1024;

  private S3Names() {}

  static Optional<String> bucketProblem(String bucket) {
    String rules =
        "3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit";
    if (!BUCKET.matcher(bucket).matches()) {
      return Optional.of("is not a valid S3 bucket name: " + rules);
    }
    if (bucket.contains("..") || IP_ADDRESS.matcher(bucket).matches()) {
      return Optional.of(
          "is not a valid S3 bucket name: no two dots in a row, and not an IP address");
    }
    for (String prefix : RESERVED_PREFIXES) {
      if (bucket.startsWith(prefix)) {
        return Optional.of("is not a valid S3 bucket name: the prefix " + prefix + " is reserved");
      }
    }
    for (String suffix : RESERVED_SUFFIXES) {
      if (bucket.endsWith(suffix)) {
        return Optional.of("is not a valid S3 bucket name: the suffix " + suffix + " is reserved");
      }
    }
    return Optional.empty();
  }

  static Optional<String> keyProblem(String key) {
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_KEY_BYTES) {
      return Optional.of(
          "is " + bytes + " bytes long in UTF-8; S3 keys are at most " + MAX_KEY_BYTES);
    }
    return Optional.empty();
  }
}
