package dev.bluegreen.simulator;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticbeanstalk.ElasticBeanstalkClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Plain AWS SDK v2 clients (url-connection) pointed at a simulator, as any SDK user would build
 * them.
 */
final class SdkClients implements AutoCloseable {
  final ElasticBeanstalkClient eb;
  final S3Client s3;
  final S3Client s3VirtualHost;
  final StsClient sts;

  SdkClients(Simulator sim) {
    this(sim, RetryMode.LEGACY);
  }

  SdkClients(Simulator sim, RetryMode retryMode) {
    URI endpoint = URI.create(sim.endpoint());
    StaticCredentialsProvider creds =
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(Simulator.ACCESS_KEY_ID, Simulator.SECRET_ACCESS_KEY));
    eb =
        ElasticBeanstalkClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(creds)
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(
                c -> c.retryStrategy(retryMode).apiCallTimeout(Duration.ofSeconds(30)))
            .build();
    s3 =
        S3Client.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(creds)
            .forcePathStyle(true)
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    // Virtual-host style needs bucket.localhost to resolve; going through the simulator's proxy
    // port does that.
    s3VirtualHost =
        S3Client.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(creds)
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .proxyConfiguration(
                        ProxyConfiguration.builder()
                            .endpoint(endpoint)
                            .useSystemPropertyValues(false)
                            .useEnvironmentVariablesValues(false)
                            .build())
                    .build())
            .build();
    sts =
        StsClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(creds)
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @Override
  public void close() {
    eb.close();
    s3.close();
    s3VirtualHost.close();
    sts.close();
  }
}
