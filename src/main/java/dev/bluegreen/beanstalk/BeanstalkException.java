package dev.bluegreen.beanstalk;

/**
 * An Elastic Beanstalk, S3 or STS call that failed after the client's own retries. The message
 * names the operation and carries the service's words.
 */
public final class BeanstalkException extends RuntimeException {
  private final String operation;
  private final String errorCode;
  private final int statusCode;

  public BeanstalkException(
      String operation, String errorCode, int statusCode, String message, Throwable cause) {
    super(message, cause);
    this.operation = operation;
    this.errorCode = errorCode;
    this.statusCode = statusCode;
  }

  public String operation() {
    return operation;
  }

  /**
   * The service's error code ({@code InvalidParameterValue}, {@code Throttling}, ...); null for
   * network failures.
   */
  public String errorCode() {
    return errorCode;
  }

  public int statusCode() {
    return statusCode;
  }

  /** The request may not have been processed; polling later can tell. */
  public boolean isTransient() {
    return errorCode == null
        || statusCode >= 500
        || "Throttling".equals(errorCode)
        || "RequestTimeout".equals(errorCode);
  }

  /**
   * The call may have been carried out although it failed: a server error, a timeout or a lost
   * connection. Throttling is not ambiguous: AWS refuses it before doing anything.
   */
  public boolean isAmbiguous() {
    return errorCode == null || statusCode >= 500 || "RequestTimeout".equals(errorCode);
  }

  public boolean isThrottling() {
    return "Throttling".equals(errorCode)
        || "ThrottlingException".equals(errorCode)
        || statusCode == 429;
  }
}
