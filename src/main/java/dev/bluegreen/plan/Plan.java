package dev.bluegreen.plan;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * An ordered list of steps, some of them run together, each perhaps under a condition. The plan's
 * name is the result of a run that completes it. Build one with {@link #named}.
 */
public record Plan(String name, List<Entry> entries) {

  /** What the runner runs next: one step, or steps that do not depend on each other. */
  public sealed interface Entry permits Single, Together {
    /** The steps of this entry, in order. */
    List<Single> steps();
  }

  /** A step with the slot its result goes to and the condition under which it runs. */
  public record Single(Step<?> step, Slot<?> slot, Condition condition) implements Entry {
    @Override
    public List<Single> steps() {
      return List.of(this);
    }
  }

  /** Steps that run at the same time. Each keeps its own id and record. */
  public record Together(List<Single> steps) implements Entry {
    public String id() {
      return String.join("+", steps.stream().map(s -> s.step().id()).toList());
    }
  }

  public static Builder named(String name) {
    return new Builder(name);
  }

  /** A step of a group run together, with the condition under which it runs. */
  public record Member(Condition when, Step<?> step) {}

  public static Member member(Condition when, Step<?> step) {
    return new Member(when, step);
  }

  /** Collects the steps; each call returns the slot the step's result will be in. */
  public static final class Builder {
    private final String name;
    private final List<Entry> entries = new ArrayList<>();

    /** By identity: two steps may be equal (records), each has its own slot. */
    private final IdentityHashMap<Step<?>, Slot<?>> slots = new IdentityHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    public <T> Slot<T> then(Step<T> step) {
      return then(Condition.always(), step);
    }

    /**
     * A step that runs only when {@code when} holds at its turn; otherwise it is recorded as
     * skipped.
     */
    public <T> Slot<T> then(Condition when, Step<T> step) {
      Single single = single(step, when);
      entries.add(single);
      return slotOf(step);
    }

    /**
     * A step that is part of the plan only when {@code include} is true (known when the plan is
     * made).
     */
    public <T> Slot<T> thenIf(boolean include, Step<T> step) {
      return include ? then(step) : new Slot<>(step.id() + " (not in this plan)");
    }

    /** Steps that run at the same time; their results are in {@link #slotOf}. */
    public Builder together(Step<?>... steps) {
      return together(
          java.util.Arrays.stream(steps)
              .map(s -> member(Condition.always(), s))
              .toArray(Member[]::new));
    }

    /** Steps that run at the same time, each under its condition. */
    public Builder together(Member... members) {
      List<Single> group = new ArrayList<>();
      for (Member m : members) {
        group.add(single(m.step(), m.when()));
      }
      entries.add(new Together(List.copyOf(group)));
      return this;
    }

    @SuppressWarnings("unchecked") // each slot is created for its own step in single()
    public <T> Slot<T> slotOf(Step<T> step) {
      Slot<?> slot = slots.get(step);
      if (slot == null) {
        throw new IllegalArgumentException(step.id() + " is not in plan " + name);
      }
      return (Slot<T>) slot;
    }

    private Single single(Step<?> step, Condition when) {
      Slot<?> slot = new Slot<>(step.id());
      slots.put(step, slot);
      return new Single(step, slot, when);
    }

    public Plan build() {
      return new Plan(name, List.copyOf(entries));
    }
  }
}
