package dev.bluegreen.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** The S3 subset, through the real SDK (path style and virtual-host style through the proxy). */
class S3IT {

  SimHarness h;
  final String bucket = "elasticbeanstalk-us-east-1-123456789012";

  @BeforeEach
  void start() throws Exception {
    h = SimHarness.start();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  /** A single-part ETag: the quoted hex MD5 of the bytes. */
  private static String etag(byte[] data) {
    try {
      return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code x-amz-checksum-crc32}: the big-endian CRC32 in base64. */
  private static String crc32(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return Base64.getEncoder()
        .encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void createAndHeadBucket() {
    S3Exception missing =
        catchThrowableOfType(S3Exception.class, () -> h.s3.headBucket(r -> r.bucket(bucket)));
    assertThat(missing).isInstanceOf(NoSuchBucketException.class);
    assertThat(missing.statusCode()).isEqualTo(404);

    h.s3.createBucket(r -> r.bucket(bucket));
    h.s3.headBucket(r -> r.bucket(bucket));
    h.s3.createBucket(r -> r.bucket(bucket)); // us-east-1 answers 200 for a bucket you already own
    assertThat(h.sim.calls().matching(c -> c.service().equals("s3")))
        .extracting(Call::operation, Call::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("HeadBucket", 404),
            org.assertj.core.groups.Tuple.tuple("CreateBucket", 200),
            org.assertj.core.groups.Tuple.tuple("HeadBucket", 200),
            org.assertj.core.groups.Tuple.tuple("CreateBucket", 200));
  }

  @Test
  void putObjectIsSentAwsChunkedWithATrailingChecksum() {
    h.s3.createBucket(r -> r.bucket(bucket));
    byte[] data = random(100_000, 1);
    PutObjectResponse put =
        h.s3.putObject(r -> r.bucket(bucket).key("app/v1.zip"), RequestBody.fromBytes(data));
    assertThat(put.eTag()).isEqualTo(etag(data));

    Call call = h.sim.calls().matching(c -> c.operation().equals("PutObject")).get(0);
    assertThat(call.parameters())
        .containsEntry("content-encoding", "aws-chunked")
        .containsEntry("x-amz-trailer", "x-amz-checksum-crc32")
        .containsEntry("path", "/" + bucket + "/app/v1.zip");
    assertThat(Integer.parseInt(call.parameters().get("bytes")))
        .isGreaterThan(data.length); // framing + trailer
    assertThat(h.sim.s3().object(bucket, "app/v1.zip"))
        .get()
        .satisfies(o -> assertThat(o.data()).isEqualTo(data));

    ResponseBytes<GetObjectResponse> got =
        h.s3.getObjectAsBytes(r -> r.bucket(bucket).key("app/v1.zip"));
    assertThat(got.asByteArray()).isEqualTo(data);
    assertThat(got.response().eTag()).isEqualTo(put.eTag());
  }

  @Test
  void putObjectThroughTheVirtualHostClient() {
    h.s3.createBucket(r -> r.bucket(bucket));
    byte[] data = "virtual host".getBytes(StandardCharsets.UTF_8);
    h.clients.s3VirtualHost.putObject(
        r -> r.bucket(bucket).key("dir/file name.txt").contentType("text/plain"),
        RequestBody.fromBytes(data));
    Call call = h.sim.calls().matching(c -> c.operation().equals("PutObject")).get(0);
    assertThat(call.parameters().get("host")).startsWith(bucket + ".localhost");
    assertThat(call.parameters().get("path")).isEqualTo("/dir/file name.txt");
    assertThat(h.sim.s3().object(bucket, "dir/file name.txt"))
        .get()
        .satisfies(
            o -> {
              assertThat(o.data()).isEqualTo(data);
              assertThat(o.contentType()).isEqualTo("text/plain");
            });
    assertThat(
            h.clients
                .s3VirtualHost
                .getObjectAsBytes(r -> r.bucket(bucket).key("dir/file name.txt"))
                .asUtf8String())
        .isEqualTo("virtual host");
  }

  @Test
  void aWrongChecksumIsRejected() throws Exception {
    h.s3.createBucket(r -> r.bucket(bucket));
    HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
    String good = crc32(data);
    String bad = crc32("jello".getBytes(StandardCharsets.UTF_8));

    // A checksum header that does not match the body.
    HttpResponse<String> header =
        http.send(
            HttpRequest.newBuilder(URI.create(h.sim.endpoint() + "/" + bucket + "/h.txt"))
                .header("x-amz-checksum-crc32", bad)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(header.statusCode()).isEqualTo(400);
    assertThat(header.body())
        .contains("<Code>BadDigest</Code>")
        .contains(
            "<Message>The CRC32 you specified did not match the calculated checksum.</Message>");

    // An aws-chunked body whose trailer does not match.
    String chunked = "5\r\nhello\r\n0\r\nx-amz-checksum-crc32:" + bad + "\r\n\r\n";
    HttpResponse<String> trailer =
        http.send(
            HttpRequest.newBuilder(URI.create(h.sim.endpoint() + "/" + bucket + "/t.txt"))
                .header("Content-Encoding", "aws-chunked")
                .header("x-amz-trailer", "x-amz-checksum-crc32")
                .header("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER")
                .header("x-amz-decoded-content-length", "5")
                .PUT(HttpRequest.BodyPublishers.ofString(chunked))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(trailer.statusCode()).isEqualTo(400);
    assertThat(trailer.body()).contains("<Code>BadDigest</Code>");
    assertThat(h.sim.s3().object(bucket, "h.txt")).isEmpty();
    assertThat(h.sim.s3().object(bucket, "t.txt")).isEmpty();

    // The same requests with the right checksum are stored.
    HttpResponse<String> ok =
        http.send(
            HttpRequest.newBuilder(URI.create(h.sim.endpoint() + "/" + bucket + "/t.txt"))
                .header("Content-Encoding", "aws-chunked")
                .header("x-amz-trailer", "x-amz-checksum-crc32")
                .header("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER")
                .header("x-amz-decoded-content-length", "5")
                .PUT(HttpRequest.BodyPublishers.ofString(chunked.replace(bad, good)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(h.sim.s3().object(bucket, "t.txt"))
        .get()
        .satisfies(o -> assertThat(o.data()).isEqualTo(data));
  }

  @Test
  void multipartUpload() {
    h.s3.createBucket(r -> r.bucket(bucket));
    byte[] part1 = random(64 * 1024, 2);
    byte[] part2 = random(64 * 1024, 3);
    byte[] part3 = "tail".getBytes(StandardCharsets.UTF_8);
    CreateMultipartUploadResponse mpu =
        h.s3.createMultipartUpload(
            r ->
                r.bucket(bucket)
                    .key("big.zip")
                    .contentType("application/zip")
                    .metadata(Map.of("build", "42")));
    List<CompletedPart> parts = new ArrayList<>();
    int n = 1;
    for (byte[] part : List.of(part1, part2, part3)) {
      int number = n++;
      UploadPartResponse up =
          h.s3.uploadPart(
              r -> r.bucket(bucket).key("big.zip").uploadId(mpu.uploadId()).partNumber(number),
              RequestBody.fromBytes(part));
      assertThat(up.eTag()).isEqualTo(etag(part));
      parts.add(
          CompletedPart.builder()
              .partNumber(number)
              .eTag(up.eTag())
              .checksumCRC32(up.checksumCRC32())
              .build());
    }
    assertThat(h.sim.s3().object(bucket, "big.zip")).isEmpty();
    String etag =
        h.s3
            .completeMultipartUpload(
                r ->
                    r.bucket(bucket)
                        .key("big.zip")
                        .uploadId(mpu.uploadId())
                        .multipartUpload(m -> m.parts(parts)))
            .eTag();
    assertThat(etag).endsWith("-3\"");

    byte[] joined = new byte[part1.length + part2.length + part3.length];
    System.arraycopy(part1, 0, joined, 0, part1.length);
    System.arraycopy(part2, 0, joined, part1.length, part2.length);
    System.arraycopy(part3, 0, joined, part1.length + part2.length, part3.length);
    ResponseBytes<GetObjectResponse> got =
        h.s3.getObjectAsBytes(r -> r.bucket(bucket).key("big.zip"));
    assertThat(got.asByteArray()).isEqualTo(joined);
    assertThat(got.response().eTag()).isEqualTo(etag);
    assertThat(got.response().contentType()).isEqualTo("application/zip");
    assertThat(got.response().metadata()).containsEntry("build", "42");
    assertThat(h.sim.calls().all())
        .extracting(Call::operation)
        .containsSubsequence(
            "CreateMultipartUpload",
            "UploadPart",
            "UploadPart",
            "UploadPart",
            "CompleteMultipartUpload",
            "GetObject");
  }

  @Test
  void rangedGets() {
    h.s3.createBucket(r -> r.bucket(bucket));
    byte[] data = random(1000, 5);
    h.s3.putObject(r -> r.bucket(bucket).key("r.bin"), RequestBody.fromBytes(data));

    ResponseBytes<GetObjectResponse> middle =
        h.s3.getObjectAsBytes(r -> r.bucket(bucket).key("r.bin").range("bytes=10-19"));
    assertThat(middle.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(data, 10, 20));
    assertThat(middle.response().contentRange()).isEqualTo("bytes 10-19/1000");
    assertThat(middle.response().contentLength()).isEqualTo(10);
    assertThat(
            h.s3
                .getObjectAsBytes(r -> r.bucket(bucket).key("r.bin").range("bytes=990-"))
                .asByteArray())
        .isEqualTo(java.util.Arrays.copyOfRange(data, 990, 1000));
    assertThat(
            h.s3
                .getObjectAsBytes(r -> r.bucket(bucket).key("r.bin").range("bytes=-5"))
                .asByteArray())
        .isEqualTo(java.util.Arrays.copyOfRange(data, 995, 1000));
    assertThat(
            h.s3
                .getObjectAsBytes(r -> r.bucket(bucket).key("r.bin").range("bytes=900-5000"))
                .asByteArray())
        .isEqualTo(java.util.Arrays.copyOfRange(data, 900, 1000));
    // Two halves, as the AWS CLI downloads a large object, join to the whole.
    byte[] first =
        h.s3
            .getObjectAsBytes(r -> r.bucket(bucket).key("r.bin").range("bytes=0-499"))
            .asByteArray();
    byte[] second =
        h.s3.getObjectAsBytes(r -> r.bucket(bucket).key("r.bin").range("bytes=500-")).asByteArray();
    byte[] joined = new byte[first.length + second.length];
    System.arraycopy(first, 0, joined, 0, first.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    assertThat(joined).isEqualTo(data);
    assertThat(h.sim.calls().matching(c -> c.operation().equals("GetObject")))
        .extracting(Call::status)
        .containsOnly(206);

    S3Exception beyond =
        catchThrowableOfType(
            S3Exception.class,
            () -> h.s3.getObjectAsBytes(r -> r.bucket(bucket).key("r.bin").range("bytes=1000-")));
    assertThat(beyond).isNotNull();
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(beyond.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
  }

  @Test
  void headObjectWithUserMetadata() {
    h.s3.createBucket(r -> r.bucket(bucket));
    byte[] data = random(12_345, 4);
    h.s3.putObject(
        r ->
            r.bucket(bucket)
                .key("meta.bin")
                .contentType("application/octet-stream")
                .metadata(Map.of("git-sha", "abc123", "built-by", "ci")),
        RequestBody.fromBytes(data));
    HeadObjectResponse head = h.s3.headObject(r -> r.bucket(bucket).key("meta.bin"));
    assertThat(head.metadata()).containsEntry("git-sha", "abc123").containsEntry("built-by", "ci");
    assertThat(head.contentLength()).isEqualTo(data.length);
    assertThat(head.contentType()).isEqualTo("application/octet-stream");
    assertThat(head.eTag()).isEqualTo(etag(data));
    assertThat(head.lastModified()).isEqualTo(SimHarness.START);
  }

  @Test
  void missingKey() {
    h.s3.createBucket(r -> r.bucket(bucket));
    NoSuchKeyException get =
        catchThrowableOfType(
            NoSuchKeyException.class,
            () -> h.s3.getObjectAsBytes(r -> r.bucket(bucket).key("nope.zip")));
    assertThat(get).isNotNull();
    assertThat(get.statusCode()).isEqualTo(404);
    assertThat(get.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
    assertThat(get.awsErrorDetails().errorMessage()).isEqualTo("The specified key does not exist.");

    NoSuchKeyException head =
        catchThrowableOfType(
            NoSuchKeyException.class, () -> h.s3.headObject(r -> r.bucket(bucket).key("nope.zip")));
    assertThat(head).isNotNull();
    assertThat(head.statusCode()).isEqualTo(404);
  }

  @Test
  void putIntoAMissingBucket() {
    S3Exception e =
        catchThrowableOfType(
            S3Exception.class,
            () ->
                h.s3.putObject(
                    r -> r.bucket("no-such-bucket").key("k"), RequestBody.fromString("x")));
    assertThat(e).isInstanceOf(NoSuchBucketException.class);
    assertThat(e.statusCode()).isEqualTo(404);
  }
}
