package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.ApplicationVersion;
import dev.bluegreen.bundle.SourceBundle;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.Request;
import dev.bluegreen.deploy.Tags;
import dev.bluegreen.deploy.VersionSource;
import dev.bluegreen.inputs.Inputs;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.StepFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what happens to the version before anything changes: upload and create it, reuse it (the
 * label exists with the same bundle, as on a re-run), or refuse (the label exists with different
 * bytes, or does not exist and there is no bundle).
 */
public final class ResolveVersion extends ContextStep<VersionSource> {

  public ResolveVersion(Context ctx) {
    super(ctx, "resolve-version");
  }

  @Override
  public String title() {
    return "Check version " + ctx.request().versionLabel();
  }

  @Override
  public boolean changes() {
    return false;
  }

  @Override
  public Result<VersionSource> run(Log log) throws StepFailure {
    Request r = ctx.request();
    String label = r.versionLabel();
    Optional<ApplicationVersion> existing =
        ctx.call(() -> ctx.aws().version(r.application(), label));
    if (r.bundle().isEmpty()) {
      if (existing.isEmpty()) {
        throw StepFailure.usage(
            "version-label: application "
                + r.application()
                + " has no version "
                + label
                + " and no source-bundle was given. Give source-bundle to create it, or the label of an existing version.");
      }
      return Result.done(
          "version " + label + " exists; it is deployed as it is",
          new VersionSource(
              label, true, null, null, existing.get().bucket(), existing.get().key()));
    }
    SourceBundle source = r.bundle().get();
    Path bundle;
    String sha;
    try {
      bundle = source.prepare(ctx.scratch());
      sha = SourceBundle.sha256(bundle);
    } catch (IOException e) {
      throw StepFailure.usage(
          "source-bundle: cannot read " + source.path() + ": " + e.getMessage());
    }
    source.leftOut().ifPresent(l -> log.info(source.describe() + ": " + l));
    if (existing.isPresent()) {
      Map<String, String> tags = ctx.call(() -> ctx.aws().tags(existing.get().arn()));
      String stored = tags.get(Tags.SHA256);
      if (sha.equals(stored)) {
        return Result.done(
            "version "
                + label
                + " exists with the same bundle (sha256 "
                + sha.substring(0, 12)
                + "…); it is "
                + "reused",
            new VersionSource(
                label, true, null, sha, existing.get().bucket(), existing.get().key()));
      }
      throw StepFailure.usage(
          "version-label: version "
              + label
              + " already exists in "
              + r.application()
              + " with "
              + (stored == null
                  ? "a bundle this tool did not upload"
                  : "a different bundle (sha256 "
                      + stored.substring(0, 12)
                      + "… there, "
                      + sha.substring(0, 12)
                      + "… here)")
              + ". Labels are immutable: use a new version-label, or deploy the existing version without source-bundle.");
    }
    String key =
        r.get(Inputs.S3_KEY) != null
            ? r.get(Inputs.S3_KEY)
            : r.application() + "/" + label + ".zip";
    return Result.done(
        "version "
            + label
            + " is new: "
            + source.describe()
            + ", sha256 "
            + sha.substring(0, 12)
            + "…, will be uploaded",
        new VersionSource(label, false, bundle, sha, r.get(Inputs.S3_BUCKET), key));
  }
}
