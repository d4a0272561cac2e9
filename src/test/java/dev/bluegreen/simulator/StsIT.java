package dev.bluegreen.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticbeanstalk.ElasticBeanstalkClient;
import software.amazon.awssdk.services.elasticbeanstalk.model.ElasticBeanstalkException;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException;

/** STS AssumeRoleWithWebIdentity and the lifetime of the credentials it hands out. */
class StsIT {

  static final String ROLE = "arn:aws:iam::123456789012:role/deployer";

  SimHarness h;

  @BeforeEach
  void start() throws Exception {
    h = SimHarness.start();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  /**
   * An unsigned JWT as GitHub's OIDC provider shapes it (the simulator does not check signatures).
   */
  static String jwt(String audience) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        b64.encodeToString(
            ("{\"iss\":\"https://token.actions.githubusercontent.com\",\"aud\":\""
                    + audience
                    + "\",\"sub\":\"repo:octo-org/octo-repo:ref:refs/heads/main\"}")
                .getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".c2lnbmF0dXJl";
  }

  private AssumeRoleWithWebIdentityResponse assume(String audience) {
    return h.clients.sts.assumeRoleWithWebIdentity(
        r -> r.roleArn(ROLE).roleSessionName("GitHubActions").webIdentityToken(jwt(audience)));
  }

  private ElasticBeanstalkClient ebWith(Credentials c) {
    return ElasticBeanstalkClient.builder()
        .endpointOverride(URI.create(h.sim.endpoint()))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsSessionCredentials.create(
                    c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(RetryMode.LEGACY))
        .build();
  }

  @Test
  void assumeRoleWithWebIdentity() {
    AssumeRoleWithWebIdentityResponse r = assume("sts.amazonaws.com");
    assertThat(r.credentials().accessKeyId()).startsWith("ASIA");
    assertThat(r.credentials().secretAccessKey()).isNotBlank();
    assertThat(r.credentials().sessionToken()).isNotBlank();
    assertThat(r.credentials().expiration()).isEqualTo(SimHarness.START.plus(Duration.ofHours(1)));
    assertThat(r.subjectFromWebIdentityToken())
        .isEqualTo("repo:octo-org/octo-repo:ref:refs/heads/main");
    assertThat(r.assumedRoleUser().arn())
        .isEqualTo("arn:aws:sts::123456789012:assumed-role/deployer/GitHubActions");
    assertThat(r.provider()).isEqualTo("https://token.actions.githubusercontent.com");
    assertThat(r.audience()).isEqualTo("sts.amazonaws.com");
    // The token is not kept in the call log.
    assertThat(h.sim.calls().all())
        .last()
        .satisfies(
            c -> {
              assertThat(c.service()).isEqualTo("sts");
              assertThat(c.parameters()).containsEntry("WebIdentityToken", "***");
            });

    AssumeRoleWithWebIdentityResponse longer =
        h.clients.sts.assumeRoleWithWebIdentity(
            b ->
                b.roleArn(ROLE)
                    .roleSessionName("s")
                    .webIdentityToken(jwt("sts.amazonaws.com"))
                    .durationSeconds(7200));
    assertThat(longer.credentials().expiration())
        .isEqualTo(SimHarness.START.plus(Duration.ofHours(2)));
  }

  @Test
  void getCallerIdentity() {
    var me = h.clients.sts.getCallerIdentity();
    assertThat(me.account()).isEqualTo("123456789012");
    assertThat(me.arn()).endsWith("/" + Simulator.ACCESS_KEY_ID);
  }

  @Test
  void wrongAudienceIsAnInvalidIdentityToken() {
    InvalidIdentityTokenException e =
        catchThrowableOfType(
            InvalidIdentityTokenException.class, () -> assume("api://AzureADTokenExchange"));
    assertThat(e).isNotNull();
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Incorrect token audience");

    InvalidIdentityTokenException notJwt =
        catchThrowableOfType(
            InvalidIdentityTokenException.class,
            () ->
                h.clients.sts.assumeRoleWithWebIdentity(
                    r -> r.roleArn(ROLE).roleSessionName("s").webIdentityToken("opaque")));
    assertThat(notJwt).isNotNull();
  }

  @Test
  void credentialsWorkUntilTheyExpire() {
    h.sim.overrideSessionLength(Duration.ofMinutes(15));
    Credentials creds = assume("sts.amazonaws.com").credentials();
    assertThat(creds.expiration()).isEqualTo(SimHarness.START.plus(Duration.ofMinutes(15)));
    try (ElasticBeanstalkClient eb = ebWith(creds)) {
      eb.createApplication(r -> r.applicationName("shop"));
      h.advance(Duration.ofMinutes(14));
      assertThat(eb.describeApplications(r -> {}).applications()).hasSize(1);
      assertThat(h.sim.calls().all())
          .last()
          .satisfies(c -> assertThat(c.accessKeyId()).isEqualTo(creds.accessKeyId()));

      h.advance(Duration.ofMinutes(1));
      ElasticBeanstalkException e =
          catchThrowableOfType(
              ElasticBeanstalkException.class, () -> eb.describeApplications(r -> {}));
      assertThat(e).isNotNull();
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
      assertThat(e.awsErrorDetails().errorMessage())
          .isEqualTo("The security token included in the request is expired");
      assertThat(e.statusCode()).isEqualTo(403);
    }
    // Long-term keys are unaffected, and fresh session credentials work again.
    assertThat(h.eb.describeApplications(r -> {}).applications()).hasSize(1);
    try (ElasticBeanstalkClient eb = ebWith(assume("sts.amazonaws.com").credentials())) {
      assertThat(eb.describeApplications(r -> {}).applications()).hasSize(1);
    }
  }

  @Test
  void expiredCredentialsAreRefusedByS3Too() {
    h.sim.overrideSessionLength(Duration.ofMinutes(15));
    Credentials creds = assume("sts.amazonaws.com").credentials();
    h.s3.createBucket(r -> r.bucket("b-1"));
    try (var s3 =
        software.amazon.awssdk.services.s3.S3Client.builder()
            .endpointOverride(URI.create(h.sim.endpoint()))
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(
                        creds.accessKeyId(), creds.secretAccessKey(), creds.sessionToken())))
            .build()) {
      s3.putObject(
          r -> r.bucket("b-1").key("k"),
          software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
      h.advance(Duration.ofMinutes(16));
      var e =
          catchThrowableOfType(
              software.amazon.awssdk.services.s3.model.S3Exception.class,
              () ->
                  s3.putObject(
                      r -> r.bucket("b-1").key("k2"),
                      software.amazon.awssdk.core.sync.RequestBody.fromString("y")));
      assertThat(e).isNotNull();
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
      assertThat(e.statusCode()).isEqualTo(400);
    }
  }
}
