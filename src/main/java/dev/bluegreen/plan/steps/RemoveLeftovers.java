package dev.bluegreen.plan.steps;

import dev.bluegreen.beanstalk.BeanstalkException;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.plan.Leftovers;
import dev.bluegreen.plan.Step;
import dev.bluegreen.plan.StepContext;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.StepOutcome;
import java.util.ArrayList;
import java.util.List;

/** Cleanup: terminates the leftover temporaries (after drain-time from their last change), deletes templates, prunes versions. */
public final class RemoveLeftovers implements Step {

  @Override
  public String id() {
    return "remove-leftovers";
  }

  @Override
  public String title(StepContext ctx) {
    return "Remove leftover environments, templates and old versions";
  }

  @Override
  public String plan(StepContext ctx) {
    Leftovers l = ctx.state().leftovers();
    return "would terminate " + names(l.environments()) + "; delete templates " + l.templates() + "; delete versions " + l.versions();
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepFailure, InterruptedException {
    Leftovers l = ctx.state().leftovers();
    if (l.environments().isEmpty() && l.templates().isEmpty() && l.versions().isEmpty()) {
      return StepOutcome.skipped("nothing to remove");
    }
    List<String> problems = new ArrayList<>();
    for (Environment e : l.environments()) {
      // A temporary may have lost production in a run that was killed moments ago.
      ctx.state().lostProductionAt(e.name(), e.dateUpdated());
      if (!RetireStandby.drain(ctx, e.name())) {
        throw new StepFailure(StepFailure.Kind.CANCELLED, "cancelled while " + e.name() + " was draining");
      }
      attempt(problems, "terminate " + e.name(), () -> ctx.aws().terminate(e.name()));
    }
    for (String t : l.templates()) {
      attempt(problems, "delete template " + t, () -> {
        ctx.aws().deleteTemplate(ctx.request().application(), t);
        return null;
      });
    }
    for (String v : l.versions()) {
      attempt(problems, "delete version " + v, () -> {
        ctx.aws().deleteVersion(ctx.request().application(), v, false);
        return null;
      });
    }
    if (!problems.isEmpty()) {
      throw new StepFailure(String.join("; ", problems));
    }
    return StepOutcome.done("terminated " + names(l.environments()) + ", deleted " + l.templates().size() + " template(s) and "
        + l.versions().size() + " version(s)");
  }

  private static void attempt(List<String> problems, String what, StepContext.AwsCall<?> call) {
    try {
      call.run();
    } catch (BeanstalkException e) {
      problems.add("could not " + what + ": " + e.getMessage());
    }
  }

  private static String names(List<Environment> envs) {
    return envs.isEmpty() ? "no environment" : String.join(", ", envs.stream().map(Environment::name).toList());
  }
}
