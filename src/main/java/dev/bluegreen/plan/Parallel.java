package dev.bluegreen.plan;

import java.util.List;
import java.util.Optional;

/** Steps that do not depend on each other and run at the same time. Each keeps its own id and record. */
public record Parallel(List<Step> steps) implements Step {

  public static Parallel of(Step... steps) {
    return new Parallel(List.of(steps));
  }

  @Override
  public String id() {
    return String.join("+", steps.stream().map(Step::id).toList());
  }

  @Override
  public String title(StepContext ctx) {
    return String.join(" | ", steps.stream().map(s -> s.title(ctx)).toList());
  }

  @Override
  public StepOutcome run(StepContext ctx) {
    throw new UnsupportedOperationException("the runner runs each step of a Parallel itself");
  }

  @Override
  public Optional<Undo> undo(StepContext ctx) {
    return Optional.empty();
  }
}
