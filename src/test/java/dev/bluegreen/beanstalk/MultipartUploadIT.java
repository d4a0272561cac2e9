package dev.bluegreen.beanstalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bluegreen.simulator.Call;
import dev.bluegreen.simulator.Simulator;
import dev.bluegreen.simulator.beanstalk.Timings;
import dev.bluegreen.simulator.s3.S3Object;
import dev.bluegreen.waiting.SystemSleeper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's upload through the real SDK and the product's own clients (retry strategy included)
 * against the simulator's S3, with parts of 64 KiB: the object S3 ends with is the file, cut where
 * it should be.
 */
class MultipartUploadIT {

  static final long PART = 64 * 1024;
  static final String BUCKET = "elasticbeanstalk-us-east-1-123456789012";
  static final Map<String, String> META = Map.of("bluegreen-sha256", "abc");

  @TempDir Path dir;
  Simulator sim;
  AwsClients clients;
  SdkBeanstalkGateway gateway;

  @BeforeEach
  void start() throws IOException {
    sim = Simulator.start(0, Clock.systemUTC(), Timings.realistic(), "us-east-1", 1);
    sim.s3().createBucket(BUCKET);
    URI endpoint = URI.create(sim.endpoint());
    clients =
        new AwsClients(
            new AwsSettings(
                "us-east-1",
                Map.of("s3", endpoint, "elasticbeanstalk", endpoint),
                Optional.empty(),
                new AwsSettings.StaticKeys(
                    Simulator.ACCESS_KEY_ID, Simulator.SECRET_ACCESS_KEY, null),
                Clock.systemUTC(),
                new SystemSleeper(),
                secret -> {}));
    gateway = clients.gateway(2 * PART, PART);
  }

  @AfterEach
  void stop() {
    clients.close();
    sim.close();
  }

  @Test
  void partsOfTheChosenSizeAndAShortLastOne() throws IOException {
    byte[] data = random(3 * (int) PART + 1000, 1);
    Path file = write(data);

    gateway.upload(BUCKET, "app/v1.zip", file, META);

    S3Object object = sim.s3().object(BUCKET, "app/v1.zip").orElseThrow();
    assertThat(object.data()).isEqualTo(data);
    // The multipart ETag is the MD5 of the parts' MD5s: it matches only with the same cuts.
    assertThat(object.etag()).isEqualTo(multipartEtag(data, (int) PART));
    assertThat(object.etag()).endsWith("-4\"");
    assertThat(object.metadata()).isEqualTo(META);
    assertThat(object.contentType()).isEqualTo("application/zip");
    assertThat(s3Operations())
        .containsExactly(
            "CreateMultipartUpload",
            "UploadPart",
            "UploadPart",
            "UploadPart",
            "UploadPart",
            "CompleteMultipartUpload");
  }

  @Test
  void aBundleOfWholePartsHasNoEmptyLastPart() throws IOException {
    byte[] data = random(2 * (int) PART, 2);

    gateway.upload(BUCKET, "app/v2.zip", write(data), META);

    S3Object object = sim.s3().object(BUCKET, "app/v2.zip").orElseThrow();
    assertThat(object.data()).isEqualTo(data);
    assertThat(object.etag()).isEqualTo(multipartEtag(data, (int) PART)).endsWith("-2\"");
    assertThat(s3Operations()).filteredOn("UploadPart"::equals).hasSize(2);
  }

  @Test
  void belowTheThresholdOnePutObject() throws IOException {
    byte[] data = random(2 * (int) PART - 1, 3);

    gateway.upload(BUCKET, "app/v3.zip", write(data), META);

    S3Object object = sim.s3().object(BUCKET, "app/v3.zip").orElseThrow();
    assertThat(object.data()).isEqualTo(data);
    assertThat(object.etag()).doesNotContain("-");
    assertThat(object.metadata()).isEqualTo(META);
    assertThat(s3Operations()).containsExactly("PutObject");
  }

  @Test
  void aRetriedPartSendsTheSameBytesAgain() throws IOException {
    byte[] data = random(3 * (int) PART + 7, 4);
    // The simulator reads the whole part, then answers 500: the SDK retries with a new stream.
    sim.faults()
        .failOperation("UploadPart", 500, "InternalError", "We encountered an internal error.", 2);

    gateway.upload(BUCKET, "app/v4.zip", write(data), META);

    S3Object object = sim.s3().object(BUCKET, "app/v4.zip").orElseThrow();
    assertThat(object.data()).isEqualTo(data);
    assertThat(object.etag()).isEqualTo(multipartEtag(data, (int) PART));
    assertThat(sim.calls().matching(c -> c.operation().equals("UploadPart")))
        .extracting(Call::status)
        .containsExactly(500, 500, 200, 200, 200, 200);
  }

  @Test
  void aFailedPartAbortsTheUpload() throws IOException {
    byte[] data = random(3 * (int) PART, 5);
    sim.faults().failOperation("UploadPart", 403, "AccessDenied", "Access Denied", -1);

    BeanstalkException e =
        catchThrowableOfType(
            BeanstalkException.class,
            () -> gateway.upload(BUCKET, "app/v5.zip", write(data), META));

    assertThat(e).isNotNull();
    assertThat(e.operation()).isEqualTo("UploadPart");
    assertThat(e.errorCode()).isEqualTo("AccessDenied");
    assertThat(s3Operations())
        .containsExactly("CreateMultipartUpload", "UploadPart", "AbortMultipartUpload");
    assertThat(sim.s3().object(BUCKET, "app/v5.zip")).isEmpty();
  }

  @Test
  void aCancelledUploadIsAborted() throws Exception {
    byte[] data = random(6 * (int) PART, 6);
    Path file = write(data);
    sim.faults().latency(Duration.ofMillis(200));
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                gateway.upload(BUCKET, "app/v6.zip", file, META);
              } catch (RuntimeException e) {
                failure.set(e);
              }
            });
    worker.start();
    while (!s3Operations().contains("UploadPart")) {
      Thread.sleep(20);
    }
    worker.interrupt(); // as a cancellation does

    worker.join(10_000);
    assertThat(worker.isAlive()).isFalse();
    assertThat(failure.get()).isInstanceOf(BeanstalkException.class);
    assertThat(sim.calls().matching(c -> c.service().equals("s3")))
        .extracting(Call::operation)
        .endsWith("AbortMultipartUpload")
        .doesNotContain("CompleteMultipartUpload")
        .filteredOn("UploadPart"::equals)
        .hasSizeLessThan(6);
    assertThat(sim.calls().matching(c -> c.operation().equals("AbortMultipartUpload")))
        .extracting(Call::status)
        .containsExactly(204);
    assertThat(sim.s3().object(BUCKET, "app/v6.zip")).isEmpty();
  }

  @Test
  void partSizeKeepsAnyBundleWithinTenThousandParts() {
    long mib = 1024L * 1024;
    long gib = 1024 * mib;
    long part = SdkBeanstalkGateway.PART_SIZE;
    assertThat(SdkBeanstalkGateway.partSize(300 * mib, part)).isEqualTo(16 * mib);
    assertThat(SdkBeanstalkGateway.partSize(5 * gib, part)).isEqualTo(16 * mib);
    // 10,000 parts of 16 MiB hold 156.25 GiB; above, parts grow by whole MiB.
    assertThat(SdkBeanstalkGateway.partSize(10_000 * 16 * mib, part)).isEqualTo(16 * mib);
    assertThat(SdkBeanstalkGateway.partSize(10_000 * 16 * mib + 1, part)).isEqualTo(17 * mib);
    assertThat(SdkBeanstalkGateway.partSize(5 * 1024 * gib, part)).isEqualTo(525 * mib);
    for (long size : new long[] {1, 64 * mib, 5 * gib, 200 * gib, 5 * 1024 * gib}) {
      long p = SdkBeanstalkGateway.partSize(size, part);
      assertThat((size + p - 1) / p).as("parts of %d bytes", size).isLessThanOrEqualTo(10_000);
      assertThat(p).isLessThanOrEqualTo(5 * gib);
    }
  }

  private List<String> s3Operations() {
    return sim.calls().matching(c -> c.service().equals("s3")).stream()
        .map(Call::operation)
        .toList();
  }

  private Path write(byte[] data) throws IOException {
    Path file = Files.createTempFile(dir, "bundle-", ".zip");
    Files.write(file, data);
    return file;
  }

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static String multipartEtag(byte[] data, int part) {
    ByteArrayOutputStream md5s = new ByteArrayOutputStream();
    int count = 0;
    for (int from = 0; from < data.length; from += part) {
      md5s.writeBytes(md5(Arrays.copyOfRange(data, from, Math.min(data.length, from + part))));
      count++;
    }
    return "\"" + HexFormat.of().formatHex(md5(md5s.toByteArray())) + "-" + count + "\"";
  }

  private static byte[] md5(byte[] b) {
    try {
      return MessageDigest.getInstance("MD5").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
