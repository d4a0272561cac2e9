package dev.bluegreen.plan;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The result of one step, for the steps after it: set once, by the runner, when the step ends
 * without failing. Reading it before is a mistake in the plan, and says which step it waited for.
 */
public final class Slot<T> implements Supplier<T> {
  private final String producer;
  private volatile boolean filled;
  private volatile T value;

  Slot(String producer) {
    this.producer = producer;
  }

  /** A slot that already holds a value: an input to a plan rather than a step's result. */
  public static <T> Slot<T> of(T value) {
    Slot<T> slot = new Slot<>("the plan");
    slot.fill(value);
    return slot;
  }

  @Override
  public T get() {
    if (!filled) {
      throw new IllegalStateException(
          "the result of " + producer + " is read before " + producer + " ended");
    }
    return value;
  }

  /**
   * The value when the producing step has ended, else empty (a dry run, or a failure before it).
   */
  public Optional<T> ifFilled() {
    return filled ? Optional.ofNullable(value) : Optional.empty();
  }

  synchronized void fill(T v) {
    if (filled) {
      throw new IllegalStateException(producer + " produced its result twice");
    }
    value = v;
    filled = true;
  }
}
