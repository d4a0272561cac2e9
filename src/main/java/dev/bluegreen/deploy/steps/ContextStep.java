package dev.bluegreen.deploy.steps;

import dev.bluegreen.deploy.Context;
import dev.bluegreen.plan.Step;

/** A step of a deployment: its id, and the run's {@link Context} it works with. */
abstract class ContextStep<T> implements Step<T> {
  final Context ctx;
  private final String id;

  ContextStep(Context ctx, String id) {
    this.ctx = ctx;
    this.id = id;
  }

  @Override
  public final String id() {
    return id;
  }
}
