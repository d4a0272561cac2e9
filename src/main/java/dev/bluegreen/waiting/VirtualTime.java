package dev.bluegreen.waiting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A discrete-event clock: time stands still while any participating thread is working and jumps to
 * the earliest wake-up once every participant is asleep or waiting for its concurrent tasks.
 * Minutes of Elastic Beanstalk operations pass in microseconds, deterministically, and concurrent
 * steps overlap in virtual time exactly as they would in real time.
 *
 * <p>The thread that creates it is the first participant; tasks started with {@link
 * #runConcurrently} are participants until they end. Threads that only read the clock (the
 * simulator's HTTP handlers) never hold time back.
 */
public final class VirtualTime implements Sleeper {

  /** Sees every stretch of virtual time before the clock moves across it. */
  public interface Observer {
    /** The earliest instant after {@code from} at which the observer wants the clock to stop. */
    default Instant nextStop(Instant from) {
      return Instant.MAX;
    }

    /** Called with the clock at {@code from}; nothing changes until {@code to}. */
    void passing(Instant from, Instant to);
  }

  private record Waiter(Instant wakeAt, long order, Thread thread) {}

  private final Object lock = new Object();
  private final PriorityQueue<Waiter> waiters =
      new PriorityQueue<>(
          (a, b) ->
              a.wakeAt.equals(b.wakeAt)
                  ? Long.compare(a.order, b.order)
                  : a.wakeAt.compareTo(b.wakeAt));
  private final List<Waiter> released = new ArrayList<>();
  private final List<Observer> observers = new CopyOnWriteArrayList<>();

  /** Participants blocked in a join: an interrupt of one of them stops the clock too. */
  private final List<Thread> joining = new ArrayList<>();

  private volatile Instant now;
  private int running = 1;
  private long order;

  public VirtualTime(Instant start) {
    this.now = start;
  }

  public Instant now() {
    return now;
  }

  public Clock clock() {
    return new VirtualClock(this, ZoneOffset.UTC);
  }

  public void addObserver(Observer observer) {
    observers.add(observer);
  }

  public void removeObserver(Observer observer) {
    observers.remove(observer);
  }

  /**
   * Moves the clock forward from a thread that is not asleep, for tests that drive time directly.
   */
  public void advance(Duration duration) {
    synchronized (lock) {
      moveTo(now.plus(duration));
    }
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    synchronized (lock) {
      Waiter me =
          new Waiter(
              now.plus(duration.isNegative() ? Duration.ZERO : duration),
              order++,
              Thread.currentThread());
      waiters.add(me);
      running--;
      wakeNextIfIdle();
      try {
        while (!released.remove(me)) {
          lock.wait();
        }
      } catch (InterruptedException e) {
        if (!waiters.remove(me)) {
          released.remove(me);
        } else {
          running++;
        }
        throw e;
      }
    }
  }

  @Override
  public <T> List<T> runConcurrently(List<Callable<T>> tasks) throws Exception {
    if (tasks.isEmpty()) {
      return List.of();
    }
    List<T> results = new ArrayList<>();
    Throwable[] failures = new Throwable[tasks.size()];
    Object[] values = new Object[tasks.size()];
    int[] remaining = {tasks.size()};
    List<Thread> threads = new ArrayList<>();
    synchronized (lock) {
      running += tasks.size();
    }
    for (int i = 0; i < tasks.size(); i++) {
      int index = i;
      Thread thread =
          new Thread(
              () -> {
                try {
                  values[index] = tasks.get(index).call();
                } catch (Throwable t) {
                  failures[index] = t;
                } finally {
                  synchronized (lock) {
                    remaining[0]--;
                    if (remaining[0] == 0) {
                      // the joining thread becomes a participant again before time can move
                      running++;
                    }
                    running--;
                    lock.notifyAll();
                    wakeNextIfIdle();
                  }
                }
              },
              "virtual-task-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    boolean interrupted = false;
    synchronized (lock) {
      running--;
      joining.add(Thread.currentThread());
      wakeNextIfIdle();
      while (remaining[0] > 0) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          // Cancelled while the tasks run: stop them too, and return only once none is left.
          interrupted = true;
          threads.forEach(Thread::interrupt);
        }
      }
      joining.remove(Thread.currentThread());
    }
    if (interrupted) {
      throw new InterruptedException();
    }
    for (int i = 0; i < tasks.size(); i++) {
      if (failures[i] != null) {
        if (failures[i] instanceof Exception e) {
          throw e;
        }
        throw (Error) failures[i];
      }
      @SuppressWarnings("unchecked")
      T value = (T) values[i];
      results.add(value);
    }
    return results;
  }

  private void wakeNextIfIdle() {
    if (running > 0 || waiters.isEmpty()) {
      return;
    }
    Waiter next = waiters.peek();
    if (!moveTo(next.wakeAt)) {
      // Someone blocked was interrupted (a cancellation): time stops here, as a real sleep would
      // end at the signal; the interrupted thread wakes up and decides what happens next.
      lock.notifyAll();
      return;
    }
    waiters.poll();
    released.add(next);
    running++;
    lock.notifyAll();
  }

  /**
   * Moves the clock to target, stopping where observers ask to; false if it stopped early for an
   * interrupt.
   */
  private boolean moveTo(Instant target) {
    while (now.isBefore(target)) {
      Instant stop = target;
      for (Observer observer : observers) {
        Instant candidate = observer.nextStop(now);
        if (candidate.isAfter(now) && candidate.isBefore(stop)) {
          stop = candidate;
        }
      }
      for (Observer observer : observers) {
        observer.passing(now, stop);
      }
      now = stop;
      if (blockedThreadInterrupted()) {
        return !now.isBefore(target);
      }
    }
    return true;
  }

  private boolean blockedThreadInterrupted() {
    for (Waiter w : waiters) {
      if (w.thread.isInterrupted()) {
        return true;
      }
    }
    for (Thread t : joining) {
      if (t.isInterrupted()) {
        return true;
      }
    }
    return false;
  }

  private static final class VirtualClock extends Clock {
    private final VirtualTime time;
    private final ZoneId zone;

    VirtualClock(VirtualTime time, ZoneId zone) {
      this.time = time;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new VirtualClock(time, zone);
    }

    @Override
    public Instant instant() {
      return time.now;
    }
  }
}
