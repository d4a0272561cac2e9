package dev.bluegreen.simulator.core;

/** An error as the service sends it: wire code, message, HTTP status, sender or receiver fault. */
public final class ApiError extends RuntimeException {
  private final String code;
  private final int status;

  public ApiError(int status, String code, String message) {
    super(message);
    this.code = code;
    this.status = status;
  }

  public static ApiError invalidParameter(String message) {
    return new ApiError(400, "InvalidParameterValue", message);
  }

  public static ApiError validation(String message) {
    return new ApiError(400, "ValidationError", message);
  }

  public static ApiError missingParameter(String message) {
    return new ApiError(400, "MissingParameter", message);
  }

  public static ApiError combination(String message) {
    return new ApiError(400, "InvalidParameterCombination", message);
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public String type() {
    return status >= 500 ? "Receiver" : "Sender";
  }
}
