package dev.bluegreen.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bluegreen.simulator.beanstalk.Timings;
import dev.bluegreen.waiting.VirtualTime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.w3c.dom.Document;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.elasticbeanstalk.ElasticBeanstalkClient;
import software.amazon.awssdk.services.elasticbeanstalk.model.ApplicationVersionDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.ElasticBeanstalkException;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentStatus;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One simulator on a virtual clock plus real SDK clients pointed at it, and the few steps most
 * acceptance tests share (upload a bundle, register a version, launch an environment and let the
 * virtual clock run until it is Ready, fetch a page of an application through the proxy).
 */
final class SimHarness implements AutoCloseable {

  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final String STACK = "64bit Amazon Linux 2023 v4.6.0 running Corretto 21";

  final VirtualTime time;
  final Simulator sim;
  final SdkClients clients;
  final ElasticBeanstalkClient eb;
  final S3Client s3;

  private SimHarness(long seed) throws IOException {
    this.time = new VirtualTime(START);
    this.sim = Simulator.startVirtual(time, Timings.realistic(), seed);
    this.clients = new SdkClients(sim);
    this.eb = clients.eb;
    this.s3 = clients.s3;
  }

  static SimHarness start() throws IOException {
    return new SimHarness(7);
  }

  static SimHarness start(long seed) throws IOException {
    return new SimHarness(seed);
  }

  @Override
  public void close() {
    clients.close();
    sim.close();
  }

  void advance(Duration d) {
    time.advance(d);
  }

  /** CreateStorageLocation through the SDK. */
  String bucket() {
    return eb.createStorageLocation(r -> {}).s3Bucket();
  }

  /** Uploads a bundle (with the behaviour file when given) and registers it as a version. */
  ApplicationVersionDescription version(String app, String label, String behaviourJson) {
    String bucket = bucket();
    String key = app + "/" + label + ".zip";
    s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(Seed.bundle(behaviourJson)));
    return eb.createApplicationVersion(
            r ->
                r.applicationName(app)
                    .versionLabel(label)
                    .process(true)
                    .sourceBundle(s -> s.s3Bucket(bucket).s3Key(key)))
        .applicationVersion();
  }

  /** An application with a healthy version {@code v1}. */
  void app(String app) {
    eb.createApplication(r -> r.applicationName(app));
    version(app, "v1", null);
  }

  /** CreateEnvironment on the usual stack, then virtual time until it is Ready. */
  EnvironmentDescription launch(String app, String env, String cnamePrefix, String label) {
    eb.createEnvironment(
        r ->
            r.applicationName(app)
                .environmentName(env)
                .cnamePrefix(cnamePrefix)
                .versionLabel(label)
                .solutionStackName(STACK));
    return awaitStatus(env, EnvironmentStatus.READY);
  }

  /**
   * The environment as DescribeEnvironments shows it (the live one when a terminated namesake
   * lingers).
   */
  EnvironmentDescription env(String name) {
    List<EnvironmentDescription> all =
        eb.describeEnvironments(r -> r.environmentNames(name)).environments();
    assertThat(all).as("DescribeEnvironments(%s)", name).isNotEmpty();
    return all.stream()
        .filter(e -> e.status() != EnvironmentStatus.TERMINATED)
        .findFirst()
        .orElse(all.get(0));
  }

  /**
   * Advances the virtual clock in 5 s steps (at most an hour) until the environment has the status.
   */
  EnvironmentDescription awaitStatus(String name, EnvironmentStatus status) {
    return advanceUntil(name, e -> e.status() == status, Duration.ofHours(1));
  }

  EnvironmentDescription advanceUntil(
      String name, Predicate<EnvironmentDescription> condition, Duration max) {
    Instant deadline = time.now().plus(max);
    EnvironmentDescription e = env(name);
    while (!condition.test(e)) {
      assertThat(time.now()).as("waiting for %s, last seen %s", name, e).isBefore(deadline);
      time.advance(Duration.ofSeconds(5));
      e = env(name);
    }
    return e;
  }

  /**
   * What an application answers for {@code http://host/}, fetched through the simulator as an HTTP
   * proxy.
   */
  AppReply get(String host) throws IOException {
    Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("localhost", sim.port()));
    HttpURLConnection c = (HttpURLConnection) new URL("http://" + host + "/").openConnection(proxy);
    c.setConnectTimeout(5000);
    c.setReadTimeout(5000);
    try {
      int status = c.getResponseCode();
      InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
      String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new AppReply(status, body, c.getHeaderField("X-Environment-Name"));
    } finally {
      c.disconnect();
    }
  }

  record AppReply(int status, String body, String environmentName) {}

  /** A hand-made unsigned Query POST, for what the SDK cannot send. */
  RawReply rawPost(String form) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(sim.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new RawReply(
        r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(null));
  }

  record RawReply(int status, String body, String contentType) {
    Document xml() {
      try {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
      } catch (Exception e) {
        throw new AssertionError("not XML: " + body, e);
      }
    }
  }

  /**
   * The ElasticBeanstalkException (or subclass) a call throws; fails when it does not throw one.
   */
  static ElasticBeanstalkException ebError(ThrowingCallable call) {
    ElasticBeanstalkException e = catchThrowableOfType(ElasticBeanstalkException.class, call);
    assertThat(e).as("expected an ElasticBeanstalkException").isNotNull();
    return e;
  }

  /** Asserts the wire code, HTTP status and message of a service error. */
  static void assertError(ElasticBeanstalkException e, int status, String code, String message) {
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
  }

  static void assertError(ThrowingCallable call, int status, String code, String message) {
    assertError(ebError(call), status, code, message);
  }
}
