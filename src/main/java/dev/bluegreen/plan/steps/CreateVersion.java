package dev.bluegreen.plan.steps;

import dev.bluegreen.beanstalk.BeanstalkException;
import dev.bluegreen.beanstalk.StoredObject;
import dev.bluegreen.plan.DeploymentRequest;
import dev.bluegreen.plan.Step;
import dev.bluegreen.plan.StepContext;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.plan.StepOutcome;
import dev.bluegreen.plan.Tags;
import dev.bluegreen.plan.VersionSource;
import java.util.Map;
import java.util.Optional;

/** Uploads the bundle (skipped when the same bytes are already there) and creates the application version. */
public final class CreateVersion implements Step {

  static final String METADATA_SHA256 = "bluegreen-sha256";

  @Override
  public String id() {
    return "create-version";
  }

  @Override
  public String title(StepContext ctx) {
    return "Create version " + ctx.request().versionLabel();
  }

  @Override
  public String plan(StepContext ctx) {
    VersionSource v = ctx.state().versionSource().orElse(null);
    if (v == null || v.exists()) {
      return "nothing to do: version " + ctx.request().versionLabel() + " exists";
    }
    return "would upload " + ctx.request().sourceBundle().describe() + " to s3://" + (v.bucket() == null ? "<storage bucket>" : v.bucket()) + "/"
        + v.key() + " and create version " + v.label();
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepFailure {
    DeploymentRequest r = ctx.request();
    VersionSource v = ctx.state().versionSource().orElseThrow(() -> new StepFailure("the version was not resolved"));
    if (v.exists()) {
      return StepOutcome.skipped("version " + v.label() + " already exists");
    }
    String bucket = v.bucket() != null ? v.bucket() : ctx.call(() -> ctx.aws().storageBucket());
    Optional<StoredObject> there = ctx.call(() -> ctx.aws().headObject(bucket, v.key()));
    boolean same = there.map(o -> v.sha256().equals(o.metadata().get(METADATA_SHA256))).orElse(false);
    if (!same) {
      ctx.log().info("uploading " + r.sourceBundle().describe() + " to s3://" + bucket + "/" + v.key());
      ctx.call(() -> {
        ctx.aws().upload(bucket, v.key(), v.bundle(), Map.of(METADATA_SHA256, v.sha256()));
        return null;
      });
    } else {
      ctx.log().info("s3://" + bucket + "/" + v.key() + " already holds this bundle; not uploaded again");
    }
    Map<String, String> tags = Tags.created("version", r.runId());
    tags.put(Tags.SHA256, v.sha256());
    try {
      ctx.aws().createVersion(r.application(), v.label(), r.versionDescription(), bucket, v.key(), tags);
    } catch (BeanstalkException e) {
      // A retry after a lost response meets the version the first attempt created.
      boolean ours = e.getMessage().contains("already exists") && ctx.call(() -> ctx.aws().version(r.application(), v.label()))
          .map(existing -> v.sha256().equals(ctx.aws().tags(existing.arn()).get(Tags.SHA256))).orElse(false);
      if (!ours) {
        throw new StepFailure(StepFailure.Kind.FAILED, e.getMessage(), e);
      }
    }
    ctx.state().versionCreated(true);
    return StepOutcome.done("created " + v.label() + " from s3://" + bucket + "/" + v.key() + (same ? " (upload skipped)" : ""));
  }
}
