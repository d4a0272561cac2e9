package dev.bluegreen.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * One request the simulator answered.
 *
 * @param service {@code elasticbeanstalk}, {@code s3} or {@code sts}
 * @param operation the operation name ({@code UpdateEnvironment}, {@code PutObject}, ...)
 * @param parameters the request's parameters (form fields, or bucket and key)
 * @param outcome {@code OK}, or the error code that was returned
 * @param accessKeyId the access key the request was signed with, if any
 */
public record Call(
    Instant time,
    String service,
    String operation,
    Map<String, String> parameters,
    int status,
    String outcome,
    String accessKeyId) {

  public boolean succeeded() {
    return "OK".equals(outcome);
  }
}
