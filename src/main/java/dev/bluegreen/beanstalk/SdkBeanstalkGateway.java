package dev.bluegreen.beanstalk;

import java.io.Closeable;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.elasticbeanstalk.ElasticBeanstalkClient;
import software.amazon.awssdk.services.elasticbeanstalk.model.ConfigurationSettingsDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.CreateEnvironmentResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.DescribeEventsResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.EventDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** {@link BeanstalkGateway} over the AWS SDK for Java v2. The only class that talks to AWS. */
final class SdkBeanstalkGateway implements BeanstalkGateway {

  /**
   * Bundles above this size go up in parts; a single PutObject is limited to 5 GiB and retries
   * whole.
   */
  static final long MULTIPART_THRESHOLD = 64L * 1024 * 1024;

  /**
   * The size of every part but the last, unless the bundle needs larger ones to fit in {@link
   * #MAX_PARTS} (above 156 GiB). Parts are read from the file as they are sent, so this is not what
   * an upload holds in memory (no part is ever in memory whole); it is what one retry sends again.
   */
  static final long PART_SIZE = 16L * 1024 * 1024;

  /** S3's limit of parts per upload. */
  static final int MAX_PARTS = 10_000;

  private static final long MIB = 1024L * 1024;

  private final Supplier<ElasticBeanstalkClient> ebClient;

  /**
   * For the calls that change something: a retry after a lost answer is refused ("already exists",
   * "Must be Ready.") or carried out twice, and a second CNAME swap undoes the first. Only
   * throttling, which AWS refuses before doing anything, is retried; the caller reads the state
   * after an ambiguous failure ({@link BeanstalkException#isAmbiguous()}).
   */
  private final Supplier<ElasticBeanstalkClient> ebThrottleRetryOnlyClient;

  private final Supplier<S3Client> s3Client;
  private final long multipartThreshold;
  private final long minPartSize;

  SdkBeanstalkGateway(
      Supplier<ElasticBeanstalkClient> eb,
      Supplier<ElasticBeanstalkClient> ebThrottleRetryOnly,
      Supplier<S3Client> s3) {
    this(eb, ebThrottleRetryOnly, s3, MULTIPART_THRESHOLD, PART_SIZE);
  }

  /** With another threshold and part size: tests, which make parts of kilobytes. */
  SdkBeanstalkGateway(
      Supplier<ElasticBeanstalkClient> eb,
      Supplier<ElasticBeanstalkClient> ebThrottleRetryOnly,
      Supplier<S3Client> s3,
      long multipartThreshold,
      long minPartSize) {
    this.ebClient = eb;
    this.ebThrottleRetryOnlyClient = ebThrottleRetryOnly;
    this.s3Client = s3;
    this.multipartThreshold = multipartThreshold;
    this.minPartSize = minPartSize;
  }

  /**
   * The part size for a bundle of {@code size} bytes: {@code minPartSize}, or for a bundle that
   * would need more than {@link #MAX_PARTS} parts of it, the smallest whole number of MiB that
   * fits.
   */
  static long partSize(long size, long minPartSize) {
    long needed = (size + MAX_PARTS - 1) / MAX_PARTS;
    return needed <= minPartSize ? minPartSize : (needed + MIB - 1) / MIB * MIB;
  }

  @Override
  public List<Environment> environments(String application, Collection<String> names) {
    return call(
        "DescribeEnvironments",
        () ->
            ebClient
                .get()
                .describeEnvironments(r -> r.applicationName(application).environmentNames(names))
                .environments()
                .stream()
                .map(SdkBeanstalkGateway::environment)
                .toList());
  }

  @Override
  public List<Environment> environments(String application) {
    return call(
        "DescribeEnvironments",
        () -> {
          List<Environment> all = new ArrayList<>();
          String token = null;
          do {
            String next = token;
            var page =
                ebClient
                    .get()
                    .describeEnvironments(r -> r.applicationName(application).nextToken(next));
            page.environments().forEach(e -> all.add(environment(e)));
            token = page.nextToken();
          } while (token != null);
          return all;
        });
  }

  @Override
  public List<BeanstalkEvent> events(
      String application, String environmentName, String requestId, Instant since, int limit) {
    return call(
        "DescribeEvents",
        () -> {
          List<BeanstalkEvent> newestFirst = new ArrayList<>();
          String token = null;
          do {
            String next = token;
            DescribeEventsResponse page =
                ebClient
                    .get()
                    .describeEvents(
                        r ->
                            r.applicationName(application)
                                .environmentName(environmentName)
                                .requestId(requestId)
                                .startTime(since)
                                .maxRecords(Math.min(limit, 100))
                                .nextToken(next));
            for (EventDescription e : page.events()) {
              newestFirst.add(
                  new BeanstalkEvent(
                      e.eventDate(),
                      e.environmentName(),
                      e.requestId(),
                      e.severityAsString(),
                      e.message()));
            }
            token = page.nextToken();
          } while (token != null && newestFirst.size() < limit);
          Collections.reverse(newestFirst);
          return newestFirst;
        });
  }

  @Override
  public Optional<ApplicationVersion> version(String application, String label) {
    return call(
        "DescribeApplicationVersions",
        () ->
            ebClient
                .get()
                .describeApplicationVersions(
                    r -> r.applicationName(application).versionLabels(label))
                .applicationVersions()
                .stream()
                .findFirst()
                .map(SdkBeanstalkGateway::version));
  }

  @Override
  public List<ApplicationVersion> versions(String application) {
    return call(
        "DescribeApplicationVersions",
        () -> {
          List<ApplicationVersion> all = new ArrayList<>();
          String token = null;
          do {
            String next = token;
            var page =
                ebClient
                    .get()
                    .describeApplicationVersions(
                        r -> r.applicationName(application).maxRecords(1000).nextToken(next));
            page.applicationVersions().forEach(v -> all.add(version(v)));
            token = page.nextToken();
          } while (token != null);
          return all;
        });
  }

  @Override
  public Map<String, String> tags(String arn) {
    return call(
        "ListTagsForResource",
        () -> {
          Map<String, String> tags = new LinkedHashMap<>();
          ebClient
              .get()
              .listTagsForResource(r -> r.resourceArn(arn))
              .resourceTags()
              .forEach(t -> tags.put(t.key(), t.value()));
          return tags;
        });
  }

  @Override
  public List<OptionSetting> optionSettings(String application, String environmentName) {
    return call(
        "DescribeConfigurationSettings",
        () -> {
          List<ConfigurationSettingsDescription> all =
              ebClient
                  .get()
                  .describeConfigurationSettings(
                      r -> r.applicationName(application).environmentName(environmentName))
                  .configurationSettings();
          // A running environment may also list a draft (pending or failed); the deployed one is
          // what runs.
          ConfigurationSettingsDescription deployed =
              all.stream()
                  .filter(d -> "deployed".equals(d.deploymentStatusAsString()))
                  .findFirst()
                  .orElse(all.isEmpty() ? null : all.get(0));
          if (deployed == null) {
            return List.<OptionSetting>of();
          }
          return deployed.optionSettings().stream()
              .map(
                  o ->
                      new OptionSetting(
                          o.resourceName(),
                          o.namespace(),
                          o.optionName(),
                          o.value() == null || o.value().isEmpty() ? null : o.value()))
              .toList();
        });
  }

  @Override
  public List<String> templates(String application) {
    return call(
        "DescribeApplications",
        () ->
            ebClient
                .get()
                .describeApplications(r -> r.applicationNames(application))
                .applications()
                .stream()
                .flatMap(a -> a.configurationTemplates().stream())
                .toList());
  }

  @Override
  public boolean applicationExists(String application) {
    return call(
        "DescribeApplications",
        () ->
            !ebClient
                .get()
                .describeApplications(r -> r.applicationNames(application))
                .applications()
                .isEmpty());
  }

  @Override
  public String storageBucket() {
    return call(
        "CreateStorageLocation", () -> ebClient.get().createStorageLocation(r -> {}).s3Bucket());
  }

  @Override
  public Optional<StoredObject> headObject(String bucket, String key) {
    try {
      HeadObjectResponse head = s3Client.get().headObject(r -> r.bucket(bucket).key(key));
      return Optional.of(new StoredObject(head.contentLength(), head.metadata()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (AwsServiceException e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw translate("HeadObject", e);
    } catch (RuntimeException e) {
      throw translate("HeadObject", e);
    }
  }

  @Override
  public void upload(String bucket, String key, Path file, Map<String, String> metadata) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (size < multipartThreshold) {
      call(
          "PutObject",
          () ->
              s3Client
                  .get()
                  .putObject(
                      r ->
                          r.bucket(bucket)
                              .key(key)
                              .contentType("application/zip")
                              .metadata(metadata),
                      RequestBody.fromFile(file)));
      return;
    }
    uploadInParts(bucket, key, file, size, metadata);
  }

  /**
   * A multipart upload that holds no part in memory: each UploadPart streams its slice of the file
   * (the SDK reads it in chunks of 128 KiB as it signs and sends them), and a retry reads the slice
   * again. Memory stays the same whatever the bundle's size (docs/benchmarks.md, "Large bundles").
   *
   * <p>One part at a time. A second part in flight bought nothing reliable against the simulator on
   * two cores, where the deployer and the simulator share the CPU (300 MB: 10.7 s instead of 12.2
   * to 13.3 s; 1 GB: 43.4 to 50.1 s instead of 41.0 to 47.9 s), and the deployer's peak RSS was the
   * same (86-87 MB); sequential parts keep the upload on the step's thread, where a cancellation
   * interrupts it, and need no thread of their own.
   */
  private void uploadInParts(
      String bucket, String key, Path file, long size, Map<String, String> metadata) {
    long partSize = partSize(size, minPartSize);
    int count = (int) ((size + partSize - 1) / partSize);
    String uploadId =
        call(
            "CreateMultipartUpload",
            () ->
                s3Client
                    .get()
                    .createMultipartUpload(
                        r ->
                            r.bucket(bucket)
                                .key(key)
                                .contentType("application/zip")
                                .metadata(metadata))
                    .uploadId());
    List<CompletedPart> parts = new ArrayList<>(count);
    try {
      for (int i = 0; i < count; i++) {
        int number = i + 1;
        long offset = i * partSize;
        long length = Math.min(partSize, size - offset);
        try (FileSlice slice = new FileSlice(file, offset, length)) {
          String etag =
              call(
                  "UploadPart",
                  () ->
                      s3Client
                          .get()
                          .uploadPart(
                              r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                              RequestBody.fromContentProvider(
                                  slice, length, "application/octet-stream"))
                          .eTag());
          parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }
      }
    } catch (RuntimeException e) {
      // A cancellation interrupts this thread; the SDK would refuse the abort while the flag is
      // set.
      boolean interrupted = Thread.interrupted();
      try {
        s3Client.get().abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
      } catch (RuntimeException ignored) {
        // The upload's parts expire with the bucket's lifecycle rules; the original error matters
        // more.
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      throw e;
    }
    call(
        "CompleteMultipartUpload",
        () ->
            s3Client
                .get()
                .completeMultipartUpload(
                    r ->
                        r.bucket(bucket)
                            .key(key)
                            .uploadId(uploadId)
                            .multipartUpload(m -> m.parts(parts))));
  }

  /**
   * {@code length} bytes of a file from {@code offset} on, opened anew for each attempt of the
   * request (a retry sends the same bytes) and read as they are sent. The stream of the previous
   * attempt is closed when the next one opens, and the last when the slice closes.
   */
  static final class FileSlice implements ContentStreamProvider, Closeable {
    private final Path file;
    private final long offset;
    private final long length;
    private InputStream open;

    FileSlice(Path file, long offset, long length) {
      this.file = file;
      this.offset = offset;
      this.length = length;
    }

    @Override
    public synchronized InputStream newStream() {
      close();
      try {
        // FileInputStream reads into the caller's array; a channel's stream would keep a direct
        // buffer of the largest read per thread.
        FileInputStream in = new FileInputStream(file.toFile());
        try {
          in.getChannel().position(offset);
        } catch (IOException e) {
          in.close();
          throw e;
        }
        open = new Bounded(in);
        return open;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }

    @Override
    public synchronized void close() {
      if (open != null) {
        try {
          open.close();
        } catch (IOException e) {
          // Only read from; nothing is lost.
        }
        open = null;
      }
    }

    /** The slice's bytes, and an error if the file ends before them (it changed meanwhile). */
    private final class Bounded extends FilterInputStream {
      private long remaining = length;

      Bounded(InputStream in) {
        super(in);
      }

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (remaining == 0) {
          return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
          throw new EOFException(
              file + " ended " + remaining + " bytes before the end of its part: it changed");
        }
        remaining -= n;
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, remaining));
        remaining -= skipped;
        return skipped;
      }

      @Override
      public int available() throws IOException {
        return (int) Math.min(in.available(), remaining);
      }

      @Override
      public boolean markSupported() {
        return false;
      }
    }
  }

  @Override
  public void createVersion(
      String application,
      String label,
      String description,
      String bucket,
      String key,
      Map<String, String> tags) {
    call(
        "CreateApplicationVersion",
        () ->
            ebThrottleRetryOnlyClient
                .get()
                .createApplicationVersion(
                    r ->
                        r.applicationName(application)
                            .versionLabel(label)
                            .description(description)
                            .sourceBundle(s -> s.s3Bucket(bucket).s3Key(key))
                            .tags(tags(tags))));
  }

  @Override
  public void deleteVersion(String application, String label, boolean deleteBundle) {
    call(
        "DeleteApplicationVersion",
        () ->
            ebClient
                .get()
                .deleteApplicationVersion(
                    r ->
                        r.applicationName(application)
                            .versionLabel(label)
                            .deleteSourceBundle(deleteBundle)));
  }

  @Override
  public String deploy(String environmentName, String versionLabel) {
    return call(
        "UpdateEnvironment",
        () ->
            ebThrottleRetryOnlyClient
                .get()
                .updateEnvironment(
                    r -> r.environmentName(environmentName).versionLabel(versionLabel))
                .responseMetadata()
                .requestId());
  }

  @Override
  public String swapCnames(String environmentA, String environmentB) {
    return call(
        "SwapEnvironmentCNAMEs",
        () ->
            ebThrottleRetryOnlyClient
                .get()
                .swapEnvironmentCNAMEs(
                    r ->
                        r.sourceEnvironmentName(environmentA)
                            .destinationEnvironmentName(environmentB))
                .responseMetadata()
                .requestId());
  }

  @Override
  public String terminate(String environmentName) {
    return call(
        "TerminateEnvironment",
        () ->
            ebThrottleRetryOnlyClient
                .get()
                .terminateEnvironment(r -> r.environmentName(environmentName))
                .responseMetadata()
                .requestId());
  }

  @Override
  public void createTemplate(
      String application, String templateName, String environmentId, String description) {
    call(
        "CreateConfigurationTemplate",
        () ->
            ebThrottleRetryOnlyClient
                .get()
                .createConfigurationTemplate(
                    r ->
                        r.applicationName(application)
                            .templateName(templateName)
                            .environmentId(environmentId)
                            .description(description)));
  }

  @Override
  public void deleteTemplate(String application, String templateName) {
    call(
        "DeleteConfigurationTemplate",
        () ->
            ebThrottleRetryOnlyClient
                .get()
                .deleteConfigurationTemplate(
                    r -> r.applicationName(application).templateName(templateName)));
  }

  @Override
  public Created createEnvironment(NewEnvironment spec) {
    return call(
        "CreateEnvironment",
        () -> {
          CreateEnvironmentResponse r =
              ebThrottleRetryOnlyClient
                  .get()
                  .createEnvironment(
                      b ->
                          b.applicationName(spec.applicationName())
                              .environmentName(spec.environmentName())
                              .templateName(spec.templateName())
                              .versionLabel(spec.versionLabel())
                              .cnamePrefix(spec.cnamePrefix())
                              .description(spec.description())
                              .tags(tags(spec.tags())));
          Environment env =
              new Environment(
                  r.environmentName(),
                  r.environmentId(),
                  r.applicationName(),
                  r.versionLabel(),
                  r.cname(),
                  r.endpointURL(),
                  r.statusAsString(),
                  r.healthAsString(),
                  r.healthStatusAsString(),
                  r.tier() == null ? null : r.tier().name(),
                  r.environmentArn(),
                  r.templateName(),
                  r.solutionStackName(),
                  r.platformArn(),
                  r.dateUpdated());
          return new Created(env, r.responseMetadata().requestId());
        });
  }

  private static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }

  private static Environment environment(EnvironmentDescription e) {
    return new Environment(
        e.environmentName(),
        e.environmentId(),
        e.applicationName(),
        e.versionLabel(),
        e.cname(),
        e.endpointURL(),
        e.statusAsString(),
        e.healthAsString(),
        e.healthStatusAsString(),
        e.tier() == null ? null : e.tier().name(),
        e.environmentArn(),
        e.templateName(),
        e.solutionStackName(),
        e.platformArn(),
        e.dateUpdated());
  }

  private static ApplicationVersion version(
      software.amazon.awssdk.services.elasticbeanstalk.model.ApplicationVersionDescription v) {
    return new ApplicationVersion(
        v.versionLabel(),
        v.applicationVersionArn(),
        v.sourceBundle() == null ? null : v.sourceBundle().s3Bucket(),
        v.sourceBundle() == null ? null : v.sourceBundle().s3Key(),
        v.dateCreated(),
        v.description());
  }

  private static <T> T call(String operation, Supplier<T> body) {
    try {
      return body.get();
    } catch (BeanstalkException e) {
      throw e;
    } catch (RuntimeException e) {
      throw translate(operation, e);
    }
  }

  static BeanstalkException translate(String operation, RuntimeException e) {
    if (e instanceof BeanstalkException b) {
      return b;
    }
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      String code = service.awsErrorDetails().errorCode();
      String message = service.awsErrorDetails().errorMessage();
      return new BeanstalkException(
          operation,
          code,
          service.statusCode(),
          operation
              + " failed: "
              + (message == null ? service.getMessage() : message)
              + " ("
              + code
              + ", HTTP "
              + service.statusCode()
              + ")",
          e);
    }
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (detail.startsWith("Unable to load credentials")) {
      // The SDK lists every provider of its chain and why each failed; the fix is what users need.
      return new BeanstalkException(
          operation,
          null,
          0,
          "no AWS credentials found: in GitHub Actions set role-to-assume "
              + "(with permissions: id-token: write) or run aws-actions/configure-aws-credentials before this step; "
              + "elsewhere set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE",
          e);
    }
    if (e.getCause() != null
        && e.getCause().getMessage() != null
        && !detail.contains(e.getCause().getMessage())) {
      detail += " (" + e.getCause().getMessage() + ")";
    }
    return new BeanstalkException(operation, null, 0, operation + " failed: " + detail, e);
  }
}
