package dev.bluegreen.beanstalk;

import java.util.function.Supplier;

/**
 * A client built on first use. Building an SDK client costs milliseconds of start-up (endpoint
 * rules, service metadata); most commands need only some of them ({@code status} never touches S3).
 */
final class Lazy<T> implements Supplier<T> {
  private final Supplier<T> factory;
  private volatile T value;

  Lazy(Supplier<T> factory) {
    this.factory = factory;
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = factory.get();
          value = v;
        }
      }
    }
    return v;
  }

  /** The value if it was ever built. */
  T built() {
    return value;
  }
}
