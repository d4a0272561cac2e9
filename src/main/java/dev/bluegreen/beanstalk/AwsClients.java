package dev.bluegreen.beanstalk;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.elasticbeanstalk.ElasticBeanstalkClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds the SDK clients (url-connection HTTP, our retry strategy, endpoints, proxy, credentials).
 */
public final class AwsClients implements Gateways.Opened {

  private final AwsSettings settings;
  private final SdkHttpClient http;
  private final Lazy<AwsCredentialsProvider> credentials;
  private final Lazy<ElasticBeanstalkClient> eb;
  private final Lazy<ElasticBeanstalkClient> ebThrottleRetryOnly;
  private final Lazy<S3Client> s3;
  private final Lazy<StsClient> sts;

  public AwsClients(AwsSettings settings) {
    this.settings = settings;
    UrlConnectionHttpClient.Builder httpBuilder =
        UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(AwsSettings.ATTEMPT_TIMEOUT);
    ProxyConfiguration.Builder proxy =
        ProxyConfiguration.builder()
            .useSystemPropertyValues(false)
            .useEnvironmentVariablesValues(false);
    URI ebEndpoint =
        endpoint("elasticbeanstalk")
            .orElse(URI.create("https://elasticbeanstalk." + settings.region() + ".amazonaws.com"));
    settings
        .proxy()
        .ifPresent(
            p ->
                p.proxyFor(ebEndpoint)
                    .ifPresent(uri -> proxy.endpoint(uri).nonProxyHosts(p.nonProxyPatterns())));
    this.http = httpBuilder.proxyConfiguration(proxy.build()).build();
    this.sts =
        new Lazy<>(
            () ->
                StsClient.builder()
                    .httpClient(http)
                    .region(Region.of(settings.region()))
                    .credentialsProvider(AnonymousCredentialsProvider.create())
                    .overrideConfiguration(overrides(retrying()))
                    .applyMutation(b -> endpoint("sts").ifPresent(b::endpointOverride))
                    .build());
    this.credentials = new Lazy<>(() -> credentials(settings.credentials()));
    this.eb = new Lazy<>(() -> ebClient(retrying()));
    this.ebThrottleRetryOnly = new Lazy<>(() -> ebClient(retryingThrottlesOnly()));
    this.s3 =
        new Lazy<>(
            () ->
                S3Client.builder()
                    .httpClient(http)
                    .region(Region.of(settings.region()))
                    .credentialsProvider(credentials.get())
                    .overrideConfiguration(overrides(retrying()))
                    .applyMutation(
                        b ->
                            endpoint("s3")
                                .ifPresent(uri -> b.endpointOverride(uri).forcePathStyle(true)))
                    .build());
  }

  @Override
  public BeanstalkGateway gateway() {
    return new SdkBeanstalkGateway(eb, ebThrottleRetryOnly, s3);
  }

  /** A gateway that uploads in parts above {@code multipartThreshold}: tests, with small parts. */
  SdkBeanstalkGateway gateway(long multipartThreshold, long partSize) {
    return new SdkBeanstalkGateway(eb, ebThrottleRetryOnly, s3, multipartThreshold, partSize);
  }

  private ElasticBeanstalkClient ebClient(RetryStrategy retry) {
    return ElasticBeanstalkClient.builder()
        .httpClient(http)
        .region(Region.of(settings.region()))
        .credentialsProvider(credentials.get())
        .overrideConfiguration(overrides(retry))
        .applyMutation(b -> endpoint("elasticbeanstalk").ifPresent(b::endpointOverride))
        .build();
  }

  private java.util.Optional<URI> endpoint(String service) {
    return java.util.Optional.ofNullable(settings.endpoints().get(service));
  }

  private AwsCredentialsProvider credentials(AwsSettings.CredentialSource source) {
    if (source instanceof AwsSettings.StaticKeys keys) {
      if (keys.sessionToken() != null) {
        settings.secrets().accept(keys.sessionToken());
        return StaticCredentialsProvider.create(
            AwsSessionCredentials.create(
                keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
      }
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
    }
    if (source instanceof AwsSettings.WebIdentity identity) {
      return new WebIdentityCredentials(sts.get(), identity, settings.clock(), settings.secrets());
    }
    if (source instanceof AwsSettings.Profile profile) {
      return ProfileCredentialsProvider.builder().profileName(profile.name()).build();
    }
    return DefaultCredentialsProvider.builder().build();
  }

  private static ClientOverrideConfiguration overrides(RetryStrategy retry) {
    return ClientOverrideConfiguration.builder()
        .retryStrategy(retry)
        .apiCallAttemptTimeout(AwsSettings.ATTEMPT_TIMEOUT)
        .build();
  }

  /**
   * The SDK's standard conditions (throttling codes, 5xx, I/O errors) with more attempts, no
   * circuit breaker (a deployment makes few calls and must not give up on a bad minute), and
   * back-off slept by the product's sleeper.
   */
  private RetryStrategy retrying() {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(AwsSettings.MAX_ATTEMPTS)
        .circuitBreakerEnabled(false)
        .backoffStrategy(
            new SleeperBackoff(
                BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(10)),
                settings.sleeper()))
        .throttlingBackoffStrategy(
            new SleeperBackoff(
                BackoffStrategy.exponentialDelayHalfJitter(
                    Duration.ofMillis(500), Duration.ofSeconds(10)),
                settings.sleeper()))
        .build();
  }

  /**
   * Retries only what the service certainly did not process: throttling. Without {@code
   * useClientDefaults(false)} the client adds the SDK's own conditions (5xx, I/O errors) to any
   * strategy it is given, and a CNAME swap whose answer was lost would be made twice (seen through
   * the simulator: the second swap undid the first).
   */
  private RetryStrategy retryingThrottlesOnly() {
    return StandardRetryStrategy.builder()
        .useClientDefaults(false)
        .maxAttempts(AwsSettings.MAX_ATTEMPTS)
        .circuitBreakerEnabled(false)
        .retryOnException(AwsClients::isThrottling)
        .treatAsThrottling(AwsClients::isThrottling)
        .backoffStrategy(BackoffStrategy.retryImmediately())
        .throttlingBackoffStrategy(
            new SleeperBackoff(
                BackoffStrategy.exponentialDelayHalfJitter(
                    Duration.ofMillis(500), Duration.ofSeconds(10)),
                settings.sleeper()))
        .build();
  }

  private static boolean isThrottling(Throwable t) {
    return t instanceof AwsServiceException e && e.isThrottlingException();
  }

  @Override
  public void close() {
    for (Lazy<? extends AutoCloseable> client :
        java.util.List.of(eb, ebThrottleRetryOnly, s3, sts)) {
      AutoCloseable built = client.built();
      if (built != null) {
        try {
          built.close();
        } catch (Exception e) {
          // Closing only releases resources; the run's outcome is already decided.
        }
      }
    }
    http.close();
  }
}
