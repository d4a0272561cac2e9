package dev.bluegreen.plan.steps;

import dev.bluegreen.beanstalk.ApplicationVersion;
import dev.bluegreen.bundle.SourceBundle;
import dev.bluegreen.plan.DeploymentRequest;
import dev.bluegreen.plan.Step;
import dev.bluegreen.plan.StepContext;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.StepOutcome;
import dev.bluegreen.plan.Tags;
import dev.bluegreen.plan.VersionSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what happens to the version before anything changes: upload and create it, reuse it (the
 * label exists with the same bundle, as on a re-run), or refuse (the label exists with different
 * bytes, or does not exist and there is no bundle).
 */
public final class ResolveVersion implements Step {

  @Override
  public String id() {
    return "resolve-version";
  }

  @Override
  public String title(StepContext ctx) {
    return "Check version " + ctx.request().versionLabel();
  }

  @Override
  public boolean changesAws() {
    return false;
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepFailure {
    DeploymentRequest r = ctx.request();
    String label = r.versionLabel();
    Optional<ApplicationVersion> existing = ctx.call(() -> ctx.aws().version(r.application(), label));
    if (r.sourceBundle() == null) {
      if (existing.isEmpty()) {
        throw StepFailure.usage("version-label: application " + r.application() + " has no version " + label
            + " and no source-bundle was given. Give source-bundle to create it, or the label of an existing version.");
      }
      ctx.state().versionSource(new VersionSource(label, true, null, null, existing.get().bucket(), existing.get().key()));
      return StepOutcome.done("version " + label + " exists; it is deployed as it is");
    }
    Path bundle;
    String sha;
    try {
      bundle = r.sourceBundle().prepare(ctx.scratch());
      sha = SourceBundle.sha256(bundle);
    } catch (IOException e) {
      throw StepFailure.usage("source-bundle: cannot read " + r.sourceBundle().path() + ": " + e.getMessage());
    }
    r.sourceBundle().leftOut().ifPresent(l -> ctx.log().info(r.sourceBundle().describe() + ": " + l));
    if (existing.isPresent()) {
      Map<String, String> tags = ctx.call(() -> ctx.aws().tags(existing.get().arn()));
      String stored = tags.get(Tags.SHA256);
      if (sha.equals(stored)) {
        ctx.state().versionSource(new VersionSource(label, true, null, sha, existing.get().bucket(), existing.get().key()));
        return StepOutcome.done("version " + label + " exists with the same bundle (sha256 " + sha.substring(0, 12)
            + "…); it is reused");
      }
      throw StepFailure.usage("version-label: version " + label + " already exists in " + r.application() + " with "
          + (stored == null ? "a bundle this tool did not upload" : "a different bundle (sha256 " + stored.substring(0, 12)
              + "… there, " + sha.substring(0, 12) + "… here)")
          + ". Labels are immutable: use a new version-label, or deploy the existing version without source-bundle.");
    }
    String key = r.s3Key() != null ? r.s3Key() : r.application() + "/" + label + ".zip";
    ctx.state().versionSource(new VersionSource(label, false, bundle, sha, r.s3Bucket(), key));
    return StepOutcome.done("version " + label + " is new: " + r.sourceBundle().describe() + ", sha256 " + sha.substring(0, 12)
        + "…, will be uploaded");
  }
}
