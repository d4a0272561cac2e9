package dev.bluegreen.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.bundle.Scratch;
import dev.bluegreen.deploy.FakeGateway;
import dev.bluegreen.deploy.Tags;
import dev.bluegreen.deploy.TestRequests;
import dev.bluegreen.deploy.VersionSource;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.plan.Step.Result;
import dev.bluegreen.plan.StepFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolveVersionTest {

  @TempDir Path workspace;
  private Scratch scratch;
  private Path zip;
  private String sha;

  @BeforeEach
  void bundle() throws Exception {
    zip = Files.write(workspace.resolve("app.zip"), "PK fake zip".getBytes(StandardCharsets.UTF_8));
    sha =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
    scratch = new Scratch(Files.createDirectory(workspace.resolve("tmp")));
  }

  @AfterEach
  void clean() {
    scratch.close();
  }

  private Harness harness(String... inputs) {
    return new Harness(TestRequests.in(workspace, Command.DEPLOY, inputs), scratch);
  }

  private static Result<VersionSource> resolve(Harness h) throws Exception {
    return new ResolveVersion(h.ctx).run(h.log);
  }

  @Test
  void withoutBundle_aMissingVersionIsAUsageError() {
    Harness h = harness();
    StepFailure f = h.failure(new ResolveVersion(h.ctx));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.USAGE);
    assertThat(f)
        .hasMessage(
            "version-label: application app has no version v2 and no source-bundle was given. Give "
                + "source-bundle to create it, or the label of an existing version.");
  }

  @Test
  void withoutBundle_anExistingVersionIsDeployedAsItIs() throws Exception {
    Harness h = harness();
    h.aws.addVersion("v2", Map.of());
    Result<VersionSource> r = resolve(h);
    assertThat(r.detail()).isEqualTo("version v2 exists; it is deployed as it is");
    assertThat(r.value())
        .isEqualTo(
            new VersionSource("v2", true, null, null, FakeGateway.STORAGE_BUCKET, "app/v2.zip"));
    assertThat(h.aws.calls()).containsExactly("version(v2)");
  }

  @Test
  void aNewVersion_isToBeUploadedToTheDefaultKey() throws Exception {
    Harness h = harness("source-bundle", "app.zip");
    Result<VersionSource> r = resolve(h);
    assertThat(r.value())
        .isEqualTo(new VersionSource("v2", false, zip.toRealPath(), sha, null, "app/v2.zip"));
    assertThat(r.detail())
        .isEqualTo(
            "version v2 is new: app.zip, sha256 " + sha.substring(0, 12) + "…, will be uploaded");
    assertThat(h.aws.calls()).containsExactly("version(v2)");
  }

  @Test
  void aNewVersion_goesWhereS3BucketAndKeySay() throws Exception {
    Harness h =
        harness(
            "source-bundle", "app.zip", "s3-bucket", "my-bucket", "s3-key", "builds/app-v2.zip");
    VersionSource v = resolve(h).value();
    assertThat(v.bucket()).isEqualTo("my-bucket");
    assertThat(v.key()).isEqualTo("builds/app-v2.zip");
  }

  @Test
  void aDirectory_isZippedIntoScratch() throws Exception {
    Path site = Files.createDirectories(workspace.resolve("site"));
    Files.writeString(site.resolve("index.html"), "hello");
    Files.createDirectories(site.resolve(".git"));
    Files.writeString(site.resolve(".git/config"), "token");
    Harness h = harness("source-bundle", "site");

    Result<VersionSource> r = resolve(h);

    assertThat(r.value().exists()).isFalse();
    assertThat(r.value().bundle()).startsWith(workspace.resolve("tmp")).isRegularFile();
    assertThat(r.detail()).startsWith("version v2 is new: site/ (zipped), sha256 ");
    assertThat(h.logText()).contains("site/ (zipped): left out");
  }

  @Test
  void anExistingVersionWithTheSameBundle_isReused() throws Exception {
    Harness h = harness("source-bundle", "app.zip");
    h.aws.addVersion("v2", Map.of(Tags.SHA256, sha));
    Result<VersionSource> r = resolve(h);
    assertThat(r.detail())
        .isEqualTo(
            "version v2 exists with the same bundle (sha256 "
                + sha.substring(0, 12)
                + "…); it is "
                + "reused");
    assertThat(r.value())
        .isEqualTo(
            new VersionSource("v2", true, null, sha, FakeGateway.STORAGE_BUCKET, "app/v2.zip"));
    assertThat(h.aws.calls()).containsExactly("version(v2)", "tags(arn:version/v2)");
  }

  @Test
  void anExistingVersionWithOtherBytes_isRefused() {
    Harness h = harness("source-bundle", "app.zip");
    String other = "0123456789ab".repeat(5) + "0123";
    h.aws.addVersion("v2", Map.of(Tags.SHA256, other));
    StepFailure f = h.failure(new ResolveVersion(h.ctx));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.USAGE);
    assertThat(f)
        .hasMessage(
            "version-label: version v2 already exists in app with a different bundle (sha256 "
                + "0123456789ab… there, "
                + sha.substring(0, 12)
                + "… here). Labels are immutable: use a new version-label, or "
                + "deploy the existing version without source-bundle.");
  }

  @Test
  void anExistingVersionThisToolDidNotUpload_isRefused() {
    Harness h = harness("source-bundle", "app.zip");
    h.aws.addVersion("v2", Map.of());
    StepFailure f = h.failure(new ResolveVersion(h.ctx));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.USAGE);
    assertThat(f.getMessage())
        .contains("already exists in app with a bundle this tool did not upload.");
  }

  @Test
  void aBundleThatCannotBeRead_isAUsageError() throws Exception {
    Harness h = harness("source-bundle", "app.zip");
    Files.delete(zip); // gone between the request's checks and this step
    StepFailure f = h.failure(new ResolveVersion(h.ctx));
    assertThat(f.kind()).isEqualTo(StepFailure.Kind.USAGE);
    assertThat(f.getMessage()).startsWith("source-bundle: cannot read ");
  }
}
