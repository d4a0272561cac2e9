package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.ApplicationVersion;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.Request;
import dev.bluegreen.deploy.Roles;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.StepFailure;
import java.util.List;

/**
 * Rollback: the standby must be Ready and healthy and run the version that was live before the
 * current one (an older version than live's).
 */
public final class CheckRollbackTarget extends ContextStep<Void> {

  public CheckRollbackTarget(Context ctx) {
    super(ctx, "check-rollback-target");
  }

  @Override
  public String title() {
    return "Check that the standby can take production back";
  }

  @Override
  public boolean changes() {
    return false;
  }

  @Override
  public Result<Void> run(Log log) throws StepFailure {
    Request r = ctx.request();
    Roles roles = ctx.production().roles();
    Environment live = roles.live();
    if (roles.standby().isEmpty()) {
      throw new StepFailure(
          "there is no other environment to roll back to: "
              + r.topology().names().stream()
                  .filter(n -> !n.equals(live.name()))
                  .findFirst()
                  .orElse("the standby")
              + " does not exist");
    }
    Environment standby = roles.standby().get();
    if (!r.fit(standby)) {
      throw new StepFailure(
          "cannot roll back to " + standby.name() + ": it is " + standby.stateLine());
    }
    if (standby.versionLabel() == null || standby.versionLabel().equals(live.versionLabel())) {
      throw new StepFailure(
          "cannot roll back: "
              + standby.name()
              + " runs the same version as production ("
              + live.versionLabel()
              + ")");
    }
    // Listed newest first; the position decides when two versions were created in the same second.
    List<String> newestFirst =
        ctx.call(() -> ctx.aws().versions(r.application())).stream()
            .map(ApplicationVersion::label)
            .toList();
    int standbyAge = newestFirst.indexOf(standby.versionLabel());
    int liveAge = newestFirst.indexOf(live.versionLabel());
    if (standbyAge >= 0 && liveAge >= 0 && standbyAge < liveAge) {
      throw new StepFailure(
          "cannot roll back: "
              + standby.name()
              + " runs "
              + standby.versionLabel()
              + ", which is newer than "
              + "production's "
              + live.versionLabel()
              + "; use command swap to promote it");
    }
    ctx.production().passed(standby.versionLabel());
    return Result.done(
        standby.name()
            + " runs "
            + standby.versionLabel()
            + " (production: "
            + live.versionLabel()
            + ")");
  }
}
