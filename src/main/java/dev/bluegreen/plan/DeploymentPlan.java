package dev.bluegreen.plan;

import java.util.ArrayList;
import java.util.List;

/** An ordered list of steps. Build one with {@link Plans}. */
public record DeploymentPlan(String name, List<Step> steps) {

  public static Builder named(String name) {
    return new Builder(name);
  }

  /** Collects steps, leaving out those whose condition is false. */
  public static final class Builder {
    private final String name;
    private final List<Step> steps = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder then(Step step) {
      steps.add(step);
      return this;
    }

    public Builder thenIf(boolean condition, Step step) {
      if (condition) {
        steps.add(step);
      }
      return this;
    }

    public DeploymentPlan build() {
      return new DeploymentPlan(name, List.copyOf(steps));
    }
  }
}
