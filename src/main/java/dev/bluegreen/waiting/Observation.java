package dev.bluegreen.waiting;

/**
 * What one poll saw.
 *
 * @param verdict done, keep waiting, or give up
 * @param value what the wait returns on success
 * @param news something changed since the last poll (polling speeds back up)
 * @param state a short description of the current state, for progress lines and timeout messages
 * @param throttled the poll itself was throttled or failed transiently (polling slows down)
 */
public record Observation<T>(
    Verdict verdict, T value, boolean news, String state, boolean throttled) {

  public enum Verdict {
    SUCCESS,
    RETRY,
    FAILURE
  }

  public static <T> Observation<T> success(T value, String state) {
    return new Observation<>(Verdict.SUCCESS, value, true, state, false);
  }

  public static <T> Observation<T> retry(String state, boolean news) {
    return new Observation<>(Verdict.RETRY, null, news, state, false);
  }

  /** Fails the wait; {@code reason} is the message the user sees. */
  public static <T> Observation<T> failure(String reason) {
    return new Observation<>(Verdict.FAILURE, null, true, reason, false);
  }

  /** The poll could not see anything this time (throttled, a 5xx, a lost connection). */
  public static <T> Observation<T> hiccup(String state) {
    return new Observation<>(Verdict.RETRY, null, false, state, true);
  }
}
