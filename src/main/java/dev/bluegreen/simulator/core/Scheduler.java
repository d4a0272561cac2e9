package dev.bluegreen.simulator.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The simulated account's time, and the one lock over all of its state.
 *
 * <p>Time comes from an injected clock. Lifecycle transitions are scheduled at instants and applied
 * lazily, in order, by {@link #settle()} whenever the state is next looked at; while one runs,
 * {@link #now()} is its own instant, so what it records is stamped as if it had happened on time
 * and a controlled clock can jump over minutes at once. {@link #nextTransitionAfter} lets a virtual
 * clock stop at each transition.
 *
 * <p>This object's monitor guards the state of every service, not only the queue: a transition may
 * change any of it, and some operations span services (Elastic Beanstalk reads bundles from S3, the
 * proxy routes by Elastic Beanstalk's CNAMEs). With one lock, {@code settle()} and every operation
 * of every service exclude one another, a cross-service operation sees one consistent state, and
 * there is no lock order to get wrong. It costs nothing measurable: operations are short and in
 * memory, and injected latency is waited out before a request takes the lock. Every backend
 * operation holds it for its whole run ({@code synchronized (scheduler)}); so do draws from the
 * {@link Account}'s random source, so that a seeded run draws in one order. A caller whose several
 * calls must see one instant (a whole Elastic Beanstalk request, seeding) holds it around them all;
 * it is reentrant. Fault settings and the call log are not account state and keep their own
 * monitors, which are never taken while this one is held.
 */
public final class Scheduler {

  private record Scheduled(Instant at, long order, Runnable action) {}

  private final Clock clock;
  private final PriorityQueue<Scheduled> queue =
      new PriorityQueue<>(Comparator.comparing(Scheduled::at).thenComparingLong(Scheduled::order));
  private long order;
  private Instant processing;

  public Scheduler(Clock clock) {
    this.clock = clock;
  }

  /**
   * The instant operations and events are stamped with: a scheduled transition's own, or the
   * clock's.
   */
  public synchronized Instant now() {
    return processing != null ? processing : clock.instant();
  }

  /** Applies every scheduled transition that is due, in order. */
  public synchronized void settle() {
    Instant limit = clock.instant();
    while (!queue.isEmpty() && !queue.peek().at.isAfter(limit)) {
      Scheduled next = queue.poll();
      processing = next.at;
      try {
        next.action.run();
      } finally {
        processing = null;
      }
    }
  }

  /**
   * The instant of the next scheduled transition after {@code from}, for a virtual clock to stop
   * at.
   */
  public synchronized Instant nextTransitionAfter(Instant from) {
    Instant next = Instant.MAX;
    for (Scheduled s : queue) {
      if (s.at.isAfter(from) && s.at.isBefore(next)) {
        next = s.at;
      }
    }
    return next;
  }

  /**
   * Runs {@code action} {@code after} from {@link #now()}, after the transitions already due then;
   * the returned action cancels it.
   */
  public synchronized Runnable schedule(Duration after, Runnable action) {
    boolean[] cancelled = {false};
    queue.add(
        new Scheduled(
            now().plus(after),
            order++,
            () -> {
              if (!cancelled[0]) {
                action.run();
              }
            }));
    return () -> cancelled[0] = true;
  }
}
