package dev.bluegreen.simulator;

import dev.bluegreen.simulator.core.ApiError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;

/**
 * Trouble on demand for Elastic Beanstalk API calls: throttling, bursts of server errors, latency,
 * one named operation failing (also an S3 one: {@code UploadPart}, {@code PutObject}, ...), and one
 * carried out but answered with an error (AWS does that: the request is processed and the answer is
 * lost to a 5xx, a timeout or a reset connection). Settable while the simulator runs.
 */
public final class Faults {

  /** An operation's failure and how many more times it happens (negative: always). */
  private static final class OperationFailure {
    final String operation;
    final int status;
    final String code;
    final String message;
    int remaining;

    OperationFailure(String operation, int status, String code, String message, int remaining) {
      this.operation = operation;
      this.status = status;
      this.code = code;
      this.message = message;
      this.remaining = remaining;
    }
  }

  /** An operation that is carried out and then answered with an error. */
  private static final class LostAnswer {
    final String operation;
    final int status;
    final String environment;
    int remaining;

    LostAnswer(String operation, int status, String environment, int remaining) {
      this.operation = operation;
      this.status = status;
      this.environment = environment;
      this.remaining = remaining;
    }
  }

  private final Random random;
  private double throttleFraction;
  private int burstRemaining;
  private int burstStatus = 503;
  private Duration latency = Duration.ZERO;
  private final List<OperationFailure> failures = new ArrayList<>();
  private final List<LostAnswer> lostAnswers = new ArrayList<>();

  Faults(long seed) {
    this.random = new Random(seed);
  }

  /** This fraction of calls (0..1) is answered {@code 400 Throttling: Rate exceeded}. */
  public synchronized Faults throttle(double fraction) {
    this.throttleFraction = fraction;
    return this;
  }

  /** The next {@code count} calls are answered with {@code status} (500 or 503). */
  public synchronized Faults burst(int count, int status) {
    this.burstRemaining = count;
    this.burstStatus = status;
    return this;
  }

  /** Every call waits this long (real time) before it is answered. */
  public synchronized Faults latency(Duration latency) {
    this.latency = latency;
    return this;
  }

  /**
   * The next {@code times} calls of {@code operation} fail with this error ({@code times < 0}:
   * always).
   */
  public synchronized Faults failOperation(
      String operation, int status, String code, String message, int times) {
    failures.add(new OperationFailure(operation, status, code, message, times));
    return this;
  }

  /**
   * The next {@code times} calls of {@code operation} ({@code times < 0}: every one) are carried
   * out and then answered with {@code status} (500 InternalFailure or 503 ServiceUnavailable); with
   * {@code environment} non-null, only calls naming that environment.
   */
  public synchronized Faults loseAnswer(
      String operation, int status, String environment, int times) {
    lostAnswers.add(new LostAnswer(operation, status, environment, times));
    return this;
  }

  public synchronized Faults clear() {
    throttleFraction = 0;
    burstRemaining = 0;
    latency = Duration.ZERO;
    failures.clear();
    lostAnswers.clear();
    return this;
  }

  synchronized Duration latency() {
    return latency;
  }

  /** The error an S3 call gets, if any: only named operations fail. */
  synchronized ApiError s3ErrorFor(String operation) {
    return namedFailure(operation);
  }

  private ApiError namedFailure(String operation) {
    for (OperationFailure f : failures) {
      if (f.operation.equals(operation) && f.remaining != 0) {
        if (f.remaining > 0) {
          f.remaining--;
        }
        return new ApiError(f.status, f.code, f.message);
      }
    }
    return null;
  }

  /** The error this call gets, if any. */
  synchronized ApiError errorFor(String operation) {
    ApiError named = namedFailure(operation);
    if (named != null) {
      return named;
    }
    if (burstRemaining > 0) {
      burstRemaining--;
      return serverError(burstStatus);
    }
    if (throttleFraction > 0 && random.nextDouble() < throttleFraction) {
      return new ApiError(400, "Throttling", "Rate exceeded");
    }
    return null;
  }

  /**
   * The error that replaces the answer of this call, already carried out, if any; {@code
   * environments} are the ones the call names.
   */
  synchronized ApiError lostAnswerFor(String operation, Collection<String> environments) {
    for (LostAnswer l : lostAnswers) {
      if (l.operation.equals(operation)
          && l.remaining != 0
          && (l.environment == null || environments.contains(l.environment))) {
        if (l.remaining > 0) {
          l.remaining--;
        }
        return serverError(l.status);
      }
    }
    return null;
  }

  private static ApiError serverError(int status) {
    return status == 500
        ? new ApiError(
            500,
            "InternalFailure",
            "The request processing has failed because of an unknown error, exception or failure.")
        : new ApiError(
            503,
            "ServiceUnavailable",
            "The request has failed due to a temporary failure of the server.");
  }
}
