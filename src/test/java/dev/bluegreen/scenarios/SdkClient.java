package dev.bluegreen.scenarios;

import dev.bluegreen.simulator.Simulator;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticbeanstalk.ElasticBeanstalkClient;

/** A plain SDK client for setting the scene (what another tool or a person did in the account). */
final class SdkClient implements AutoCloseable {
  final ElasticBeanstalkClient eb;

  SdkClient(Simulator sim) {
    eb =
        ElasticBeanstalkClient.builder()
            .endpointOverride(URI.create(sim.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        Simulator.ACCESS_KEY_ID, Simulator.SECRET_ACCESS_KEY)))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  /** A client of a simulator running elsewhere, that makes every call once. */
  static ElasticBeanstalkClient noRetries(String endpoint) {
    return ElasticBeanstalkClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(Simulator.ACCESS_KEY_ID, Simulator.SECRET_ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
        .build();
  }

  @Override
  public void close() {
    eb.close();
  }
}
