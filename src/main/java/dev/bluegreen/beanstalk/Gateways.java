package dev.bluegreen.beanstalk;

/**
 * Opens Elastic Beanstalk and S3 for one run, once its region and credentials are known. A bean:
 * the AWS SDK by default; tests may put another in the application context.
 */
public interface Gateways {

  Opened open(AwsSettings settings);

  /** A gateway and the clients behind it, released on close. */
  interface Opened extends AutoCloseable {
    BeanstalkGateway gateway();

    @Override
    void close();
  }
}
