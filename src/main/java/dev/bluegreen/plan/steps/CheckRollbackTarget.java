package dev.bluegreen.plan.steps;

import dev.bluegreen.beanstalk.ApplicationVersion;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.plan.DeploymentRequest;
import dev.bluegreen.plan.Step;
import dev.bluegreen.plan.StepContext;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.StepOutcome;
import java.util.List;
import java.util.Optional;

/**
 * Rollback: the standby must be Ready and healthy and run the version that was live before the
 * current one (an older version than live's).
 */
public final class CheckRollbackTarget implements Step {

  @Override
  public String id() {
    return "check-rollback-target";
  }

  @Override
  public String title(StepContext ctx) {
    return "Check that the standby can take production back";
  }

  @Override
  public boolean changesAws() {
    return false;
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepFailure {
    DeploymentRequest r = ctx.request();
    Environment live = ctx.state().live();
    Optional<Environment> maybe = ctx.state().standby();
    if (maybe.isEmpty()) {
      throw new StepFailure("there is no other environment to roll back to: "
          + (live.name().equals(r.blueEnvironment()) ? r.greenEnvironment() : r.blueEnvironment()) + " does not exist");
    }
    Environment standby = maybe.get();
    if (!standby.isReady() || !r.acceptedHealth().contains(standby.health())) {
      throw new StepFailure("cannot roll back to " + standby.name() + ": it is " + standby.stateLine());
    }
    if (standby.versionLabel() == null || standby.versionLabel().equals(live.versionLabel())) {
      throw new StepFailure("cannot roll back: " + standby.name() + " runs the same version as production ("
          + live.versionLabel() + ")");
    }
    // Listed newest first; the position decides when two versions were created in the same second.
    List<String> newestFirst = ctx.call(() -> ctx.aws().versions(r.application())).stream().map(ApplicationVersion::label)
        .toList();
    int standbyAge = newestFirst.indexOf(standby.versionLabel());
    int liveAge = newestFirst.indexOf(live.versionLabel());
    if (standbyAge >= 0 && liveAge >= 0 && standbyAge < liveAge) {
      throw new StepFailure("cannot roll back: " + standby.name() + " runs " + standby.versionLabel() + ", which is newer than "
          + "production's " + live.versionLabel() + "; use command swap to promote it");
    }
    ctx.state().good(standby.versionLabel());
    return StepOutcome.done(standby.name() + " runs " + standby.versionLabel() + " (production: " + live.versionLabel() + ")");
  }
}
