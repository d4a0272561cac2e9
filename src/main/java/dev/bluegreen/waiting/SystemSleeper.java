package dev.bluegreen.waiting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Real time: sleeps the calling thread and runs concurrent work on daemon threads. */
public final class SystemSleeper implements Sleeper {

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (!duration.isNegative() && !duration.isZero()) {
      Thread.sleep(duration.toMillis());
    }
  }

  @Override
  public <T> List<T> runConcurrently(List<Callable<T>> tasks) throws Exception {
    List<FutureTask<T>> futures = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 1; i < tasks.size(); i++) {
      FutureTask<T> future = new FutureTask<>(tasks.get(i));
      Thread thread = new Thread(future, "bluegreen-task-" + i);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
      futures.add(future);
    }
    Exception first = null;
    List<T> results = new ArrayList<>();
    if (!tasks.isEmpty()) {
      try {
        results.add(tasks.get(0).call());
      } catch (Exception e) {
        first = e;
        results.add(null);
      }
    }
    for (FutureTask<T> future : futures) {
      try {
        results.add(future.get());
      } catch (ExecutionException e) {
        results.add(null);
        if (first == null) {
          first = e.getCause() instanceof Exception ex ? ex : e;
        }
      } catch (InterruptedException e) {
        // Cancelled while the tasks run: stop them too, and give them a moment to end before
        // rolling back.
        futures.forEach(f -> f.cancel(true));
        for (Thread t : threads) {
          t.join(2000);
        }
        throw e;
      }
    }
    if (first != null) {
      throw first;
    }
    return results;
  }
}
