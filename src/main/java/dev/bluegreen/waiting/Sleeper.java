package dev.bluegreen.waiting;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * How the product lets time pass and runs independent work side by side. Production uses {@link
 * SystemSleeper}; tests and the demo use {@link VirtualTime}, where waiting costs no real time.
 */
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  /**
   * Runs the tasks concurrently and returns their results in order once all have finished. The
   * first failure is rethrown after every task has ended, so no task outlives the call.
   */
  <T> List<T> runConcurrently(List<Callable<T>> tasks) throws Exception;
}
