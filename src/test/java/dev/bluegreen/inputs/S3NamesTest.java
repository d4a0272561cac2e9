package dev.bluegreen.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class S3NamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"elasticbeanstalk-us-east-1-123456789012", "my.bucket", "abc", "a-b-c1"})
  void validBucketNames(String name) {
    assertThat(S3Names.bucketProblem(name)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "ab, 3 to 63",
    "My_Bucket, 3 to 63",
    "-bucket, 3 to 63",
    "bucket-, 3 to 63",
    "a..b, no two dots",
    "192.168.0.1, not an IP address",
    "xn--bucket, prefix xn--",
    "bucket-s3alias, suffix -s3alias",
    "sthree-x, prefix sthree-"
  })
  void invalidBucketNames(String name, String why) {
    assertThat(S3Names.bucketProblem(name)).hasValueSatisfying(p -> assertThat(p).contains(why));
  }

  @ParameterizedTest
  @CsvSource({"1024, true", "1025, false"})
  void keysAreMeasuredInUtf8Bytes(int bytes, boolean ok) {
    assertThat(S3Names.keyProblem("é".repeat(bytes / 2) + "k".repeat(bytes % 2)).isEmpty())
        .isEqualTo(ok);
  }
}
