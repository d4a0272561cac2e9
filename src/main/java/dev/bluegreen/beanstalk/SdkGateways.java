package dev.bluegreen.beanstalk;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/** The AWS SDK's clients (url-connection HTTP), built for each run. */
@Singleton
@Secondary
final class SdkGateways implements Gateways {
  @Override
  public Opened open(AwsSettings settings) {
    return new AwsClients(settings);
  }
}
