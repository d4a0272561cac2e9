package dev.bluegreen.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.elasticbeanstalk.ElasticBeanstalkClient;
import software.amazon.awssdk.services.elasticbeanstalk.model.ElasticBeanstalkException;

/** Throttling and server-error bursts as the SDK's retry strategy meets them. */
class RetriesIT {

  SimHarness h;

  @BeforeEach
  void start() throws Exception {
    h = SimHarness.start();
    h.sim.seed(Seed.pair("shop"));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  /** RetryMode.STANDARD with room for bad luck and millisecond backoff, so the test stays fast. */
  private ElasticBeanstalkClient retrying(int maxAttempts) {
    BackoffStrategy fast =
        BackoffStrategy.exponentialDelay(Duration.ofMillis(1), Duration.ofMillis(8));
    return ElasticBeanstalkClient.builder()
        .endpointOverride(URI.create(h.sim.endpoint()))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(Simulator.ACCESS_KEY_ID, Simulator.SECRET_ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(
            o ->
                o.retryStrategy(
                    AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(maxAttempts)
                        .backoffStrategy(fast)
                        .throttlingBackoffStrategy(fast)
                        .circuitBreakerEnabled(false)
                        .build()))
        .build();
  }

  @Test
  void describeLoopSurvivesHeavyThrottling() {
    h.sim.faults().throttle(0.5);
    try (ElasticBeanstalkClient eb = retrying(10)) {
      for (int i = 0; i < 40; i++) {
        assertThat(eb.describeEnvironments(r -> r.applicationName("shop")).environments())
            .hasSize(2);
      }
    }
    List<Call> calls = h.sim.calls().matching(c -> c.operation().equals("DescribeEnvironments"));
    long ok = calls.stream().filter(Call::succeeded).count();
    long throttled = calls.stream().filter(c -> c.outcome().equals("Throttling")).count();
    assertThat(ok).isEqualTo(40);
    assertThat(throttled).isGreaterThan(10);
    assertThat(calls).hasSize((int) (ok + throttled));
    assertThat(calls)
        .filteredOn(c -> !c.succeeded())
        .allSatisfy(c -> assertThat(c.status()).isEqualTo(400));
    // Interleaved: throttled attempts are followed by retries that succeed.
    boolean interleaved = false;
    for (int i = 1; i < calls.size(); i++) {
      if (!calls.get(i - 1).succeeded() && calls.get(i).succeeded()) {
        interleaved = true;
      }
    }
    assertThat(interleaved).isTrue();
  }

  @Test
  void throttlingBeyondTheAttemptsSurfaces() {
    h.sim.faults().throttle(1.0);
    try (ElasticBeanstalkClient eb = retrying(3)) {
      ElasticBeanstalkException e =
          catchThrowableOfType(
              ElasticBeanstalkException.class, () -> eb.describeEnvironments(r -> {}));
      assertThat(e).isNotNull();
      assertThat(e.isThrottlingException()).isTrue();
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
      assertThat(e.numAttempts()).isEqualTo(3);
    }
    assertThat(h.sim.calls().count("DescribeEnvironments")).isEqualTo(3);
  }

  @Test
  void burstsOf503And500AreRetried() {
    try (ElasticBeanstalkClient eb = retrying(5)) {
      h.sim.faults().burst(3, 503);
      assertThat(eb.describeEnvironments(r -> {}).environments()).hasSize(2);
      h.sim.faults().burst(2, 500);
      eb.createStorageLocation(r -> {});
    }
    assertThat(h.sim.calls().all())
        .extracting(Call::operation, Call::status, Call::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("DescribeEnvironments", 503, "ServiceUnavailable"),
            org.assertj.core.groups.Tuple.tuple("DescribeEnvironments", 503, "ServiceUnavailable"),
            org.assertj.core.groups.Tuple.tuple("DescribeEnvironments", 503, "ServiceUnavailable"),
            org.assertj.core.groups.Tuple.tuple("DescribeEnvironments", 200, "OK"),
            org.assertj.core.groups.Tuple.tuple("CreateStorageLocation", 500, "InternalFailure"),
            org.assertj.core.groups.Tuple.tuple("CreateStorageLocation", 500, "InternalFailure"),
            org.assertj.core.groups.Tuple.tuple("CreateStorageLocation", 200, "OK"));
  }

  @Test
  void aBurstLongerThanTheAttemptsFails() {
    h.sim.faults().burst(5, 503);
    try (ElasticBeanstalkClient eb = retrying(3)) {
      ElasticBeanstalkException e =
          catchThrowableOfType(
              ElasticBeanstalkException.class, () -> eb.describeEnvironments(r -> {}));
      assertThat(e).isNotNull();
      assertThat(e.statusCode()).isEqualTo(503);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
    }
  }
}
