package dev.bluegreen.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.beanstalk.ApplicationVersion;
import dev.bluegreen.beanstalk.StoredObject;
import dev.bluegreen.deploy.FakeGateway;
import dev.bluegreen.deploy.Tags;
import dev.bluegreen.deploy.TestRequests;
import dev.bluegreen.deploy.VersionSource;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.plan.Plan;
import dev.bluegreen.plan.Slot;
import dev.bluegreen.plan.Step.Result;
import dev.bluegreen.plan.StepFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateVersionTest {

  private static final String SHA = "ab".repeat(32);
  private static final String BUCKET = FakeGateway.STORAGE_BUCKET;

  @TempDir Path workspace;
  private Path zip;
  private Harness h;

  @BeforeEach
  void setUp() throws Exception {
    zip = Files.writeString(workspace.resolve("app.zip"), "PK bytes");
    h = new Harness(TestRequests.in(workspace, Command.DEPLOY, "source-bundle", "app.zip"), null);
  }

  private VersionSource fresh(String bucket) {
    return new VersionSource("v2", false, zip, SHA, bucket, "app/v2.zip");
  }

  private Result<Boolean> create(VersionSource v) throws Exception {
    return new CreateVersion(h.ctx, Slot.of(v)).run(h.log);
  }

  @Test
  void anExistingVersion_isSkipped() throws Exception {
    Result<Boolean> r = create(new VersionSource("v2", true, null, null, BUCKET, "app/v2.zip"));
    assertThat(r.skipped()).isTrue();
    assertThat(r.detail()).isEqualTo("version v2 already exists");
    assertThat(r.value()).isFalse();
    assertThat(h.aws.calls()).isEmpty();
  }

  @Test
  void aNewVersion_isUploadedToTheStorageBucketAndCreatedWithItsChecksum() throws Exception {
    Result<Boolean> r = create(fresh(null));

    assertThat(r.skipped()).isFalse();
    assertThat(r.value()).isTrue();
    assertThat(r.detail()).isEqualTo("created v2 from s3://" + BUCKET + "/app/v2.zip");
    assertThat(h.aws.calls())
        .containsExactly(
            "storageBucket()",
            "headObject(" + BUCKET + ", app/v2.zip)",
            "upload(" + BUCKET + ", app/v2.zip)",
            "createVersion(v2, " + BUCKET + ", app/v2.zip)");
    assertThat(h.aws.object(BUCKET, "app/v2.zip"))
        .contains(new StoredObject(8, Map.of("bluegreen-sha256", SHA)));
    ApplicationVersion v = h.aws.versions("app").get(0);
    assertThat(v.label()).isEqualTo("v2");
    assertThat(h.aws.tags(v.arn()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Tags.MANAGED_BY,
                Tags.TOOL,
                Tags.ROLE,
                "version",
                Tags.RUN_ID,
                "run-1",
                Tags.SHA256,
                SHA));
  }

  @Test
  void aGivenBucket_isUsedWithoutAskingForTheStorageBucket() throws Exception {
    create(fresh("my-bucket"));
    assertThat(h.aws.calls())
        .containsExactly(
            "headObject(my-bucket, app/v2.zip)",
            "upload(my-bucket, app/v2.zip)",
            "createVersion(v2, my-bucket, app/v2.zip)");
  }

  @Test
  void theSameBytesAlreadyInS3_areNotUploadedAgain() throws Exception {
    h.aws.putObject(
        "my-bucket", "app/v2.zip", new StoredObject(8, Map.of("bluegreen-sha256", SHA)));
    Result<Boolean> r = create(fresh("my-bucket"));
    assertThat(r.detail()).isEqualTo("created v2 from s3://my-bucket/app/v2.zip (upload skipped)");
    assertThat(h.aws.writes()).containsExactly("createVersion(v2, my-bucket, app/v2.zip)");
    assertThat(h.logText())
        .contains("s3://my-bucket/app/v2.zip already holds this bundle; not uploaded again");
  }

  @Test
  void otherBytesUnderTheKey_areOverwritten() throws Exception {
    h.aws.putObject(
        "my-bucket",
        "app/v2.zip",
        new StoredObject(3, Map.of("bluegreen-sha256", "cd".repeat(32))));
    Result<Boolean> r = create(fresh("my-bucket"));
    assertThat(r.detail()).doesNotContain("upload skipped");
    assertThat(h.aws.writes())
        .containsExactly(
            "upload(my-bucket, app/v2.zip)", "createVersion(v2, my-bucket, app/v2.zip)");
    assertThat(h.aws.object("my-bucket", "app/v2.zip")).map(StoredObject::size).contains(8L);
  }

  @Test
  void aFailedUpload_failsTheStep() {
    h.aws.failOnce("upload", "AccessDenied", 403, "Access Denied");
    StepFailure f = h.failure(new CreateVersion(h.ctx, Slot.of(fresh("my-bucket"))));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f).hasMessage("Access Denied");
    assertThat(h.aws.count("createVersion")).isZero();
  }

  @Test
  void alreadyExists_afterALostResponse_isTheVersionThisRunCreated() throws Exception {
    h.aws.failOnceAfterEffect(
        "createVersion", "InvalidParameterValue", 400, "Application Version v2 already exists.");
    Result<Boolean> r = create(fresh("my-bucket"));
    assertThat(r.value()).isTrue();
    assertThat(r.detail()).isEqualTo("created v2 from s3://my-bucket/app/v2.zip");
  }

  @Test
  void alreadyExists_withOtherBytes_failsTheStep() {
    h.aws.addVersion(
        "v2", Map.of(Tags.SHA256, "cd".repeat(32))); // made by someone else since resolve-version
    StepFailure f = h.failure(new CreateVersion(h.ctx, Slot.of(fresh("my-bucket"))));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f).hasMessage("Application Version v2 already exists.");
  }

  /**
   * Finding: the check after "already exists" reads the version's tags outside {@code ctx.call}, so
   * a failure of that read escapes as a BeanstalkException instead of a StepFailure (Step promises
   * only StepFailure); the runner then reports it as an "unexpected error in create-version".
   */
  @Test
  void aFailedTagReadWhileCheckingAnExistingVersion_failsTheStep() {
    h.aws.failOnceAfterEffect(
        "createVersion", "InvalidParameterValue", 400, "Application Version v2 already exists.");
    h.aws.failOnce("tags", "Throttling", 400, "Rate exceeded");
    StepFailure f = h.failure(new CreateVersion(h.ctx, Slot.of(fresh("my-bucket"))));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f).hasMessage("Rate exceeded");
  }

  @Test
  void anyOtherCreateVersionError_failsTheStep() {
    h.aws.failOnce(
        "createVersion",
        "TooManyApplicationVersions",
        400,
        "You cannot have more than 1000 versions.");
    StepFailure f = h.failure(new CreateVersion(h.ctx, Slot.of(fresh("my-bucket"))));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.FAILED);
    assertThat(f).hasMessage("You cannot have more than 1000 versions.");
    assertThat(h.aws.count("version")).isZero();
  }

  @Test
  void plan_saysWhatWouldBeUploadedWhere() {
    assertThat(new CreateVersion(h.ctx, Slot.of(fresh(null))).plan())
        .isEqualTo(
            "would upload app.zip to s3://<storage bucket>/app/v2.zip and create version v2");
    assertThat(new CreateVersion(h.ctx, Slot.of(fresh("my-bucket"))).plan())
        .isEqualTo("would upload app.zip to s3://my-bucket/app/v2.zip and create version v2");
    assertThat(
            new CreateVersion(
                    h.ctx, Slot.of(new VersionSource("v2", true, null, null, BUCKET, "k")))
                .plan())
        .isEqualTo("nothing to do: version v2 exists");
    // before resolve-version has a result, the plan cannot know whether the version exists
    Slot<VersionSource> notResolved = Plan.named("dry").thenIf(false, new ResolveVersion(h.ctx));
    assertThat(new CreateVersion(h.ctx, notResolved).plan())
        .isEqualTo("would create version v2 unless it exists");
  }
}
