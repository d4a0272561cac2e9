package dev.bluegreen.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every AWS API request the simulator answered, in order. */
public final class CallLog {
  private final List<Call> calls = new ArrayList<>();
  private final List<java.util.function.Consumer<Call>> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private long appRequests;

  void add(Call call) {
    synchronized (this) {
      calls.add(call);
    }
    listeners.forEach(l -> l.accept(call));
  }

  /** Tells the listener about every call from now on, as it is answered. */
  public void onCall(java.util.function.Consumer<Call> listener) {
    listeners.add(listener);
  }

  synchronized void countAppRequest() {
    appRequests++;
  }

  public synchronized List<Call> all() {
    return List.copyOf(calls);
  }

  public synchronized List<Call> matching(Predicate<Call> filter) {
    return calls.stream().filter(filter).toList();
  }

  public synchronized long count(String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation)).count();
  }

  /** Calls that change something (not Describe/List/Check/Get/Head), successful or not. */
  public synchronized List<Call> mutating() {
    return calls.stream().filter(c -> !isReadOnly(c)).toList();
  }

  public synchronized long appRequests() {
    return appRequests;
  }

  public synchronized void clear() {
    calls.clear();
    appRequests = 0;
  }

  public static boolean isReadOnly(Call c) {
    String op = c.operation();
    return op.startsWith("Describe")
        || op.startsWith("List")
        || op.startsWith("Check")
        || op.startsWith("Get")
        || op.startsWith("Head")
        || op.equals("AssumeRoleWithWebIdentity");
  }
}
