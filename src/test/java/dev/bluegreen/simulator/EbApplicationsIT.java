package dev.bluegreen.simulator;

import static dev.bluegreen.simulator.SimHarness.assertError;
import static dev.bluegreen.simulator.SimHarness.ebError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.elasticbeanstalk.model.ApplicationDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.ApplicationVersionDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.ApplicationVersionStatus;
import software.amazon.awssdk.services.elasticbeanstalk.model.DescribeAccountAttributesResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.DescribeApplicationVersionsResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.ElasticBeanstalkException;
import software.amazon.awssdk.services.elasticbeanstalk.model.TooManyApplicationVersionsException;

/** Applications, the storage location and application versions, through the real SDK. */
class EbApplicationsIT {

  SimHarness h;

  @BeforeEach
  void start() throws Exception {
    h = SimHarness.start();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void createAndDescribeApplications() {
    ApplicationDescription created =
        h.eb
            .createApplication(r -> r.applicationName("shop").description("the shop"))
            .application();
    assertThat(created.applicationName()).isEqualTo("shop");
    assertThat(created.description()).isEqualTo("the shop");
    assertThat(created.applicationArn())
        .isEqualTo("arn:aws:elasticbeanstalk:us-east-1:123456789012:application/shop");
    assertThat(created.dateCreated()).isEqualTo(SimHarness.START);
    h.eb.createApplication(r -> r.applicationName("blog"));

    assertThat(h.eb.describeApplications(r -> {}).applications())
        .extracting(ApplicationDescription::applicationName)
        .containsExactly("shop", "blog");
    assertThat(h.eb.describeApplications(r -> r.applicationNames("blog")).applications())
        .extracting(ApplicationDescription::applicationName)
        .containsExactly("blog");
    assertThat(h.eb.describeApplications(r -> r.applicationNames("nope")).applications()).isEmpty();
  }

  @Test
  void duplicateApplicationIsRejected() {
    h.eb.createApplication(r -> r.applicationName("shop"));
    assertError(
        () -> h.eb.createApplication(r -> r.applicationName("shop")),
        400,
        "InvalidParameterValue",
        "Application shop already exists.");
  }

  @Test
  void storageLocationIsIdempotentAndTheBucketExists() {
    String first = h.eb.createStorageLocation(r -> {}).s3Bucket();
    String second = h.eb.createStorageLocation(r -> {}).s3Bucket();
    assertThat(first).isEqualTo("elasticbeanstalk-us-east-1-123456789012").isEqualTo(second);
    h.s3.headBucket(
        r ->
            r.bucket(
                first)); // throws NoSuchBucketException if CreateStorageLocation did not create it
  }

  @Test
  void createApplicationVersionWithSourceBundle() {
    h.eb.createApplication(r -> r.applicationName("shop"));
    String bucket = h.bucket();
    h.s3.putObject(
        r -> r.bucket(bucket).key("shop/v1.zip"), RequestBody.fromBytes(Seed.bundle(null)));

    ApplicationVersionDescription v =
        h.eb
            .createApplicationVersion(
                r ->
                    r.applicationName("shop")
                        .versionLabel("v1")
                        .description("build 1")
                        .sourceBundle(s -> s.s3Bucket(bucket).s3Key("shop/v1.zip")))
            .applicationVersion();
    assertThat(v.versionLabel()).isEqualTo("v1");
    assertThat(v.applicationName()).isEqualTo("shop");
    assertThat(v.description()).isEqualTo("build 1");
    assertThat(v.sourceBundle().s3Bucket()).isEqualTo(bucket);
    assertThat(v.sourceBundle().s3Key()).isEqualTo("shop/v1.zip");
    assertThat(v.applicationVersionArn())
        .isEqualTo("arn:aws:elasticbeanstalk:us-east-1:123456789012:applicationversion/shop/v1");
    assertThat(v.status()).isEqualTo(ApplicationVersionStatus.UNPROCESSED);

    h.s3.putObject(
        r -> r.bucket(bucket).key("shop/v2.zip"), RequestBody.fromBytes(Seed.bundle(null)));
    ApplicationVersionDescription processed =
        h.eb
            .createApplicationVersion(
                r ->
                    r.applicationName("shop")
                        .versionLabel("v2")
                        .process(true)
                        .sourceBundle(s -> s.s3Bucket(bucket).s3Key("shop/v2.zip")))
            .applicationVersion();
    assertThat(processed.status()).isEqualTo(ApplicationVersionStatus.PROCESSED);

    assertThat(
            h.eb
                .describeApplications(r -> r.applicationNames("shop"))
                .applications()
                .get(0)
                .versions())
        .containsExactly("v2", "v1");
  }

  @Test
  void createApplicationVersionErrors() {
    h.eb.createApplication(r -> r.applicationName("shop"));
    h.version("shop", "v1", null);
    String bucket = h.bucket();

    assertError(
        () ->
            h.eb.createApplicationVersion(
                r ->
                    r.applicationName("shop")
                        .versionLabel("v1")
                        .sourceBundle(s -> s.s3Bucket(bucket).s3Key("shop/v1.zip"))),
        400,
        "InvalidParameterValue",
        "Application Version v1 already exists.");
    assertError(
        () ->
            h.eb.createApplicationVersion(
                r ->
                    r.applicationName("ghost")
                        .versionLabel("v1")
                        .sourceBundle(s -> s.s3Bucket(bucket).s3Key("shop/v1.zip"))),
        400,
        "InvalidParameterValue",
        "No Application named 'ghost' found.");
    assertError(
        () ->
            h.eb.createApplicationVersion(
                r ->
                    r.applicationName("shop")
                        .versionLabel("v9")
                        .sourceBundle(s -> s.s3Bucket(bucket).s3Key("shop/missing.zip"))),
        400,
        "InvalidParameterValue",
        "Unable to download from S3 location (Bucket: "
            + bucket
            + " Key: shop/missing.zip). Reason: Not Found");
    // None of the failures registered anything.
    assertThat(
            h.eb.describeApplicationVersions(r -> r.applicationName("shop")).applicationVersions())
        .extracting(ApplicationVersionDescription::versionLabel)
        .containsExactly("v1");
  }

  @Test
  void autoCreateApplication() {
    String bucket = h.bucket();
    h.s3.putObject(r -> r.bucket(bucket).key("k.zip"), RequestBody.fromBytes(Seed.bundle(null)));
    h.eb.createApplicationVersion(
        r ->
            r.applicationName("fresh")
                .versionLabel("v1")
                .autoCreateApplication(true)
                .sourceBundle(s -> s.s3Bucket(bucket).s3Key("k.zip")));
    assertThat(h.eb.describeApplications(r -> r.applicationNames("fresh")).applications())
        .hasSize(1);
  }

  @Test
  void versionQuota() {
    h.eb.createApplication(r -> r.applicationName("shop"));
    h.sim.beanstalk().setVersionQuota(2);
    h.version("shop", "v1", null);
    h.version("shop", "v2", null);
    ElasticBeanstalkException e = ebError(() -> h.version("shop", "v3", null));
    assertThat(e).isInstanceOf(TooManyApplicationVersionsException.class);
    assertError(
        e,
        400,
        "TooManyApplicationVersionsException",
        "You cannot have more than 2 Application Versions. Either remove some Application Versions or request a limit increase.");
    DescribeAccountAttributesResponse attrs = h.eb.describeAccountAttributes(r -> {});
    assertThat(attrs.resourceQuotas().applicationVersionQuota().maximum()).isEqualTo(2);
  }

  @Test
  void describeApplicationVersionsFiltersAndPages() {
    h.eb.createApplication(r -> r.applicationName("shop"));
    h.eb.createApplication(r -> r.applicationName("blog"));
    for (int i = 1; i <= 5; i++) {
      h.version("shop", "v" + i, null);
    }
    h.version("blog", "b1", null);

    assertThat(
            h.eb
                .describeApplicationVersions(
                    r -> r.applicationName("shop").versionLabels("v2", "v4", "zzz"))
                .applicationVersions())
        .extracting(ApplicationVersionDescription::versionLabel)
        .containsExactlyInAnyOrder("v2", "v4");
    assertThat(
            h.eb.describeApplicationVersions(r -> r.applicationName("blog")).applicationVersions())
        .extracting(ApplicationVersionDescription::versionLabel)
        .containsExactly("b1");

    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String t = token;
      DescribeApplicationVersionsResponse page =
          h.eb.describeApplicationVersions(
              r -> r.applicationName("shop").maxRecords(2).nextToken(t));
      assertThat(page.applicationVersions()).hasSizeLessThanOrEqualTo(2);
      page.applicationVersions().forEach(v -> seen.add(v.versionLabel()));
      token = page.nextToken();
      pages++;
    } while (token != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen)
        .containsExactlyInAnyOrder("v1", "v2", "v3", "v4", "v5")
        .doesNotHaveDuplicates();
  }

  @Test
  void deleteApplicationVersion() {
    h.app("shop");
    h.version("shop", "v2", null);
    h.launch("shop", "shop-blue", "shop", "v1");

    assertError(
        () -> h.eb.deleteApplicationVersion(r -> r.applicationName("shop").versionLabel("v1")),
        400,
        "InvalidParameterValue",
        "Unable to delete application version v1 because it is being used by environment(s): shop-blue.");
    assertError(
        () -> h.eb.deleteApplicationVersion(r -> r.applicationName("shop").versionLabel("v7")),
        400,
        "InvalidParameterValue",
        "No Application Version named 'v7' found.");

    h.eb.deleteApplicationVersion(
        r -> r.applicationName("shop").versionLabel("v2").deleteSourceBundle(true));
    assertThat(
            h.eb.describeApplicationVersions(r -> r.applicationName("shop")).applicationVersions())
        .extracting(ApplicationVersionDescription::versionLabel)
        .containsExactly("v1");
    assertThat(h.sim.s3().object(h.bucket(), "shop/v2.zip")).isEmpty();
    assertThat(h.sim.s3().object(h.bucket(), "shop/v1.zip")).isPresent();
  }

  @Test
  void describeAccountAttributes() {
    DescribeAccountAttributesResponse attrs = h.eb.describeAccountAttributes(r -> {});
    assertThat(attrs.resourceQuotas().applicationQuota().maximum()).isEqualTo(75);
    assertThat(attrs.resourceQuotas().applicationVersionQuota().maximum()).isEqualTo(1000);
    assertThat(attrs.resourceQuotas().environmentQuota().maximum()).isEqualTo(200);
    assertThat(attrs.resourceQuotas().configurationTemplateQuota().maximum()).isEqualTo(2000);
    assertThat(attrs.resourceQuotas().customPlatformQuota().maximum()).isEqualTo(10);
  }
}
