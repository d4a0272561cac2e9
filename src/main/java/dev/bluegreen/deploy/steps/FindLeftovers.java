package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.ApplicationVersion;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Cnames;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.Leftovers;
import dev.bluegreen.deploy.Request;
import dev.bluegreen.deploy.Tags;
import dev.bluegreen.inputs.Inputs;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.StepFailure;
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
public final class FindLeftovers extends ContextStep<Leftovers> {

  public FindLeftovers(Context ctx) {
    super(ctx, "find-leftovers");
  }

  @Override
  public String title() {
    return "Find what earlier runs left in " + ctx.request().application();
  }

  @Override
  public boolean changes() {
    return false;
  }

  @Override
  public Result<Leftovers> run(Log log) throws StepFailure {
    Request r = ctx.request();
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
      boolean production =
          e.cname() != null
              && (e.cname().equalsIgnoreCase(tags.get(Tags.PRODUCTION_CNAME))
                  || r.productionCname().map(p -> Cnames.matches(e.cname(), p)).orElse(false));
      if (production) {
        log.warning(
            e.name()
                + " is a temporary clone but holds the production CNAME; it is kept. Run deploy to recover, "
                + "which moves production back first.");
      } else {
        temporaries.add(e);
      }
    }
    List<String> templates =
        ctx.call(() -> ctx.aws().templates(r.application())).stream()
            .filter(t -> t.startsWith(Tags.TEMPLATE_PREFIX))
            .toList();
    List<String> prune = new ArrayList<>();
    int keep = r.get(Inputs.KEEP_VERSIONS);
    if (keep > 0) {
      List<ApplicationVersion> versions = ctx.call(() -> ctx.aws().versions(r.application()));
      for (int i = keep; i < versions.size(); i++) {
        String label = versions.get(i).label();
        if (!inUse.contains(label)) {
          prune.add(label);
        }
      }
    }
    return Result.done(
        temporaries.size()
            + " temporary environment(s), "
            + templates.size()
            + " template(s), "
            + prune.size()
            + " version(s) to remove",
        new Leftovers(temporaries, templates, prune));
  }
}
