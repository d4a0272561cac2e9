package dev.bluegreen.plan.steps;

import dev.bluegreen.beanstalk.ApplicationVersion;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.plan.Cnames;
import dev.bluegreen.plan.DeploymentRequest;
import dev.bluegreen.plan.Leftovers;
import dev.bluegreen.plan.Step;
import dev.bluegreen.plan.StepContext;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.StepOutcome;
import dev.bluegreen.plan.Tags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cleanup: lists the temporary environments this tool created (by their tags) that do not hold
 * production, its configuration templates, and the application versions beyond {@code
 * keep-versions} that no environment uses.
 */
public final class FindLeftovers implements Step {

  @Override
  public String id() {
    return "find-leftovers";
  }

  @Override
  public String title(StepContext ctx) {
    return "Find what earlier runs left in " + ctx.request().application();
  }

  @Override
  public boolean changesAws() {
    return false;
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepFailure {
    DeploymentRequest r = ctx.request();
    List<Environment> all = ctx.call(() -> ctx.aws().environments(r.application()));
    List<Environment> temporaries = new ArrayList<>();
    Set<String> inUse = new HashSet<>();
    for (Environment e : all) {
      if (e.isTerminated()) {
        continue;
      }
      if (e.versionLabel() != null) {
        inUse.add(e.versionLabel());
      }
      if (e.isGone()) {
        continue;
      }
      Map<String, String> tags = ctx.call(() -> ctx.aws().tags(e.arn()));
      if (!Tags.isOurs(tags) || !Tags.TEMPORARY.equals(tags.get(Tags.ROLE))) {
        continue;
      }
      boolean production = e.cname() != null && (e.cname().equalsIgnoreCase(tags.get(Tags.PRODUCTION_CNAME))
          || Cnames.matches(e.cname(), r.productionCname()));
      if (production) {
        ctx.log().warning(e.name() + " is a temporary clone but holds the production CNAME; it is kept. Run deploy to "
            + "recover, which moves production back first.");
      } else {
        temporaries.add(e);
      }
    }
    List<String> templates = ctx.call(() -> ctx.aws().templates(r.application())).stream()
        .filter(t -> t.startsWith(Tags.TEMPLATE_PREFIX)).toList();
    List<String> prune = new ArrayList<>();
    if (r.keepVersions() > 0) {
      List<ApplicationVersion> versions = ctx.call(() -> ctx.aws().versions(r.application()));
      for (int i = r.keepVersions(); i < versions.size(); i++) {
        String label = versions.get(i).label();
        if (!inUse.contains(label)) {
          prune.add(label);
        }
      }
    }
    ctx.state().leftovers(new Leftovers(temporaries, templates, prune));
    return StepOutcome.done(temporaries.size() + " temporary environment(s), " + templates.size() + " template(s), "
        + prune.size() + " version(s) to remove");
  }
}
