package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.ApplicationVersion;
import dev.bluegreen.beanstalk.StoredObject;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.Request;
import dev.bluegreen.deploy.Tags;
import dev.bluegreen.deploy.VersionSource;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.Slot;
import dev.bluegreen.plan.StepFailure;
import java.util.Map;
import java.util.Optional;

/**
 * Uploads the bundle (skipped when the same bytes are already there) and creates the application
 * version; its result says whether this run created the version.
 */
public final class CreateVersion extends ContextStep<Boolean> {

  static final String METADATA_SHA256 = "bluegreen-sha256";

  private final Slot<VersionSource> version;

  public CreateVersion(Context ctx, Slot<VersionSource> version) {
    super(ctx, "create-version");
    this.version = version;
  }

  @Override
  public String title() {
    return "Create version " + ctx.request().versionLabel();
  }

  @Override
  public String plan() {
    VersionSource v = version.ifFilled().orElse(null);
    if (v == null) {
      return "would create version " + ctx.request().versionLabel() + " unless it exists";
    }
    if (v.exists()) {
      return "nothing to do: version " + ctx.request().versionLabel() + " exists";
    }
    return "would upload "
        + ctx.request().bundle().map(b -> b.describe()).orElse("the bundle")
        + " to s3://"
        + (v.bucket() == null ? "<storage bucket>" : v.bucket())
        + "/"
        + v.key()
        + " and create version "
        + v.label();
  }

  @Override
  public Result<Boolean> run(Log log) throws StepFailure, InterruptedException {
    Request r = ctx.request();
    VersionSource v = version.get();
    if (v.exists()) {
      return Result.skipped("version " + v.label() + " already exists", false);
    }
    String bucket = v.bucket() != null ? v.bucket() : ctx.call(() -> ctx.aws().storageBucket());
    Optional<StoredObject> there = ctx.call(() -> ctx.aws().headObject(bucket, v.key()));
    boolean same =
        there.map(o -> v.sha256().equals(o.metadata().get(METADATA_SHA256))).orElse(false);
    if (!same) {
      log.info(
          "uploading "
              + r.bundle().map(b -> b.describe()).orElse("the bundle")
              + " to s3://"
              + bucket
              + "/"
              + v.key());
      ctx.call(
          () -> {
            ctx.aws().upload(bucket, v.key(), v.bundle(), Map.of(METADATA_SHA256, v.sha256()));
            return null;
          });
    } else {
      log.info("s3://" + bucket + "/" + v.key() + " already holds this bundle; not uploaded again");
    }
    Map<String, String> tags = Tags.created("version", r.runId());
    tags.put(Tags.SHA256, v.sha256());
    // A version of this label carrying this bundle's checksum is ours (a lost answer's, or an
    // identical run's): it is reused.
    ctx.change(
        "CreateApplicationVersion " + v.label(),
        log,
        () -> {
          ctx.aws()
              .createVersion(
                  r.application(), v.label(), r.versionDescription(), bucket, v.key(), tags);
          return true;
        },
        () -> {
          Optional<ApplicationVersion> existing =
              ctx.call(() -> ctx.aws().version(r.application(), v.label()));
          boolean ours =
              existing.isPresent()
                  && v.sha256()
                      .equals(
                          ctx.call(() -> ctx.aws().tags(existing.get().arn())).get(Tags.SHA256));
          return ours ? Optional.of(true) : Optional.empty();
        });
    return Result.done(
        "created "
            + v.label()
            + " from s3://"
            + bucket
            + "/"
            + v.key()
            + (same ? " (upload skipped)" : ""),
        true);
  }
}
