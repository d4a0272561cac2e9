package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.BeanstalkException;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.Leftovers;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.Slot;
import dev.bluegreen.plan.StepFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Cleanup: terminates the leftover temporaries (after drain-time from their last change), deletes
 * templates, prunes versions.
 */
public final class RemoveLeftovers extends ContextStep<Void> {

  private final Slot<Leftovers> found;

  public RemoveLeftovers(Context ctx, Slot<Leftovers> found) {
    super(ctx, "remove-leftovers");
    this.found = found;
  }

  @Override
  public String title() {
    return "Remove leftover environments, templates and old versions";
  }

  @Override
  public String plan() {
    Leftovers l = found.ifFilled().orElse(Leftovers.NONE);
    return "would terminate "
        + names(l.environments())
        + "; delete templates "
        + l.templates()
        + "; delete versions "
        + l.versions();
  }

  @Override
  public Result<Void> run(Log log) throws StepFailure, InterruptedException {
    Leftovers l = found.get();
    if (l.environments().isEmpty() && l.templates().isEmpty() && l.versions().isEmpty()) {
      return Result.skipped("nothing to remove");
    }
    List<String> problems = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (Environment e : l.environments()) {
      // A temporary may have lost production in a run that was killed moments ago.
      if (!Drain.await(ctx, log, e.name(), Optional.of(e.dateUpdated()))) {
        throw new StepFailure(
            StepFailure.Kind.CANCELLED, "cancelled while " + e.name() + " was draining");
      }
      // A run going on meanwhile may have swapped it in: only a swap changes a CNAME, so look
      // again.
      ctx.waits(log).awaitSwapsSettled(List.of(e.name()));
      Optional<Environment> now = ctx.find(e.name());
      if (now.isEmpty() || now.get().isGone()) {
        continue;
      }
      if (!Objects.equals(now.get().cname(), e.cname())) {
        log.warning(
            "kept "
                + e.name()
                + ": its CNAME changed to "
                + now.get().cname()
                + " while it drained (a swap); "
                + "run cleanup again once no deployment is going on");
        kept.add(e.name());
        continue;
      }
      try {
        Termination.terminate(ctx, log, e.name());
      } catch (StepFailure failure) {
        problems.add("could not terminate " + e.name() + ": " + failure.getMessage());
      }
    }
    for (String t : l.templates()) {
      attempt(
          problems,
          "delete template " + t,
          () -> {
            ctx.aws().deleteTemplate(ctx.request().application(), t);
            return null;
          });
    }
    for (String v : l.versions()) {
      attempt(
          problems,
          "delete version " + v,
          () -> {
            ctx.aws().deleteVersion(ctx.request().application(), v, false);
            return null;
          });
    }
    if (!problems.isEmpty()) {
      throw new StepFailure(String.join("; ", problems));
    }
    List<Environment> terminated =
        l.environments().stream().filter(e -> !kept.contains(e.name())).toList();
    return Result.done(
        "terminated "
            + names(terminated)
            + (kept.isEmpty() ? "" : " (kept " + String.join(", ", kept) + ")")
            + ", deleted "
            + l.templates().size()
            + " template(s) and "
            + l.versions().size()
            + " version(s)");
  }

  private static void attempt(List<String> problems, String what, Context.AwsCall<?> call) {
    try {
      call.run();
    } catch (BeanstalkException e) {
      problems.add("could not " + what + ": " + e.getMessage());
    }
  }

  private static String names(List<Environment> envs) {
    return envs.isEmpty()
        ? "no environment"
        : String.join(", ", envs.stream().map(Environment::name).toList());
  }
}
