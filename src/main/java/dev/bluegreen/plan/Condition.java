package dev.bluegreen.plan;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * When a step of a plan runs: decided at run time from earlier results; otherwise it is skipped,
 * with why.
 */
public interface Condition {

  /** Empty when the step should run; else the reason it is skipped. */
  Optional<String> skipReason();

  static Condition always() {
    return Optional::empty;
  }

  /** Skips the step when {@code skip} (known when the plan is made), with {@code reason}. */
  static Condition unless(boolean skip, String reason) {
    return () -> skip ? Optional.of(reason) : Optional.empty();
  }

  /** Runs the step when the earlier result satisfies {@code test}. */
  static <T> Condition when(Slot<T> result, Predicate<T> test, String otherwise) {
    return () -> test.test(result.get()) ? Optional.empty() : Optional.of(otherwise);
  }
}
