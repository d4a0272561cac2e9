package dev.bluegreen.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.bluegreen.http.ProxySettings;
import dev.bluegreen.log.PlainLog;
import dev.bluegreen.waiting.VirtualTime;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against a local server reached as a proxy, the way health checks reach environments' CNAMEs. */
class HttpHealthCheckerTest {

  private HttpServer server;
  private final AtomicInteger hits = new AtomicInteger();
  private final VirtualTime time = new VirtualTime(Instant.parse("2026-01-01T00:00:00Z"));
  private HttpHealthChecker checker;
  private final PlainLog log =
      new PlainLog(new PrintStream(new ByteArrayOutputStream(), true), false);

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/",
        ex -> {
          try (ex) {
            String host = ex.getRequestURI().getHost();
            String path = ex.getRequestURI().getPath();
            int n = hits.incrementAndGet();
            int status = 200;
            String body = "ok from " + host;
            if (path.equals("/flaky") && n == 2) {
              status = 503;
            } else if (path.equals("/elsewhere")) {
              status = 302;
              ex.getResponseHeaders().set("Location", "http://production.example.com/");
            } else if (path.equals("/moved")) {
              status = 301;
              ex.getResponseHeaders().set("Location", "/health");
            } else if (path.equals("/down")) {
              status = 500;
            } else if (path.equals("/other-port")) {
              status = 302;
              ex.getResponseHeaders().set("Location", "http://" + host + ":6379/");
            } else if (path.equals("/drip")) {
              drip(ex);
              return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
              out.write(bytes);
            }
          }
        });
    server.start();
    String proxy = "http://localhost:" + server.getAddress().getPort();
    checker =
        new HttpHealthChecker(
            time.clock(), time, ProxySettings.fromEnvironment(Map.of("HTTP_PROXY", proxy)));
  }

  @AfterEach
  void stop() {
    released.countDown();
    server.stop(0);
  }

  private final CountDownLatch received = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  /**
   * A server that answers 200 and then one byte every 200 ms for 10 s: each read is quick, the
   * answer never ends.
   */
  private void drip(com.sun.net.httpserver.HttpExchange ex) throws java.io.IOException {
    received.countDown();
    ex.sendResponseHeaders(200, 50);
    try (OutputStream out = ex.getResponseBody()) {
      for (int i = 0; i < 50; i++) {
        out.write('x');
        out.flush();
        if (released.await(200, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HealthCheckSettings settings(
      String path, String statuses, String contains, int successes) {
    return new HealthCheckSettings(
        "http",
        path,
        StatusMatcher.parse(statuses).orElseThrow(),
        contains,
        Duration.ofSeconds(2),
        successes,
        Duration.ofMinutes(1));
  }

  @Test
  void needsConsecutiveSuccesses() throws Exception {
    HealthVerdict v = checker.check("standby.example.com", settings("/flaky", "200", null, 3), log);
    assertThat(v.healthy()).isTrue();
    assertThat(v.requests()).isEqualTo(5);
    assertThat(v.reasons()).containsExactly("HTTP 503 (accepted: 200)");
  }

  @Test
  void aRedirectToAnotherHostIsNeverFollowed() throws Exception {
    HealthVerdict v =
        checker.check("standby.example.com", settings("/elsewhere", "200", null, 1), log);
    assertThat(v.healthy()).isFalse();
    assertThat(v.reasons())
        .containsExactly(
            "HTTP 302 redirect to another host (http://production.example.com/), not followed");
  }

  @Test
  void aRedirectToAnotherPortOfTheSameHostIsNeverFollowed() throws Exception {
    HealthVerdict v =
        checker.check("standby.example.com", settings("/other-port", "200", null, 1), log);
    assertThat(v.healthy()).isFalse();
    assertThat(v.reasons())
        .containsExactly(
            "HTTP 302 redirect to another scheme or port (http://standby.example.com:6379/), not followed");
  }

  @Test
  void aServerThatDripsItsAnswerIsCutOffAtTheRequestTimeout() throws Exception {
    HealthCheckSettings oneSecond =
        new HealthCheckSettings(
            "http",
            "/drip",
            StatusMatcher.parse("200").orElseThrow(),
            null,
            Duration.ofSeconds(1),
            1,
            Duration.ofSeconds(1));
    long t0 = System.nanoTime();
    String problem = checker.probe("http://standby.example.com/drip", oneSecond);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(problem).isEqualTo("no complete answer within 1000 ms");
    assertThat(took).as("the drip lasts 10 s").isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aCancelEndsARequestInFlightAtOnce() throws Exception {
    HealthCheckSettings patient =
        new HealthCheckSettings(
            "http",
            "/drip",
            StatusMatcher.parse("200").orElseThrow(),
            null,
            Duration.ofMinutes(1),
            1,
            Duration.ofMinutes(1));
    java.util.concurrent.FutureTask<String> check =
        new java.util.concurrent.FutureTask<>(
            () -> checker.probe("http://standby.example.com/drip", patient));
    Thread runner = new Thread(check);
    runner.start();
    assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
    long t0 = System.nanoTime();
    runner.interrupt();
    assertThatThrownBy(() -> check.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(InterruptedException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .as("the request timeout is a minute")
        .isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aRedirectOnTheSameHostIsFollowed() throws Exception {
    assertThat(
            checker.check("standby.example.com", settings("/moved", "200", null, 1), log).healthy())
        .isTrue();
  }

  @Test
  void theBodyMustContainTheTextWhenOneIsGiven() throws Exception {
    assertThat(
            checker
                .check("standby.example.com", settings("/", "2xx", "ok from standby", 2), log)
                .healthy())
        .isTrue();
    HealthVerdict v =
        checker.check("standby.example.com", settings("/", "2xx", "version 42", 1), log);
    assertThat(v.healthy()).isFalse();
    assertThat(v.summary()).contains("does not contain \"version 42\"");
  }

  @Test
  void givesUpAfterTheMaximumWait() throws Exception {
    Instant start = time.now();
    HealthVerdict v =
        checker.check("standby.example.com", settings("/down", "200-399", null, 3), log);
    assertThat(v.healthy()).isFalse();
    assertThat(Duration.between(start, time.now())).isLessThanOrEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aHostInNoProxyIsReachedDirectly() {
    ProxySettings p =
        ProxySettings.fromEnvironment(
                Map.of("HTTP_PROXY", "proxy:3128", "NO_PROXY", "localhost,.internal"))
            .orElseThrow();
    assertThat(p.proxyFor(java.net.URI.create("http://api.internal/"))).isEmpty();
    assertThat(p.proxyFor(java.net.URI.create("http://localhost:8080/"))).isEmpty();
    assertThat(p.proxyFor(java.net.URI.create("http://shop.elasticbeanstalk.com/")))
        .map(Object::toString)
        .contains("http://proxy:3128");
    assertThat(p.proxyFor(java.net.URI.create("https://shop.elasticbeanstalk.com/"))).isEmpty();
    assertThat(p.nonProxyPatterns()).contains("localhost", "*.localhost", "*.internal");
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "200|200|true",
        "200|204|false",
        "200,204|204|true",
        "2xx|299|true",
        "2xx|301|false",
        "200-399|302|true",
        "200-399|404|false"
      },
      delimiter = '|')
  void statusLists(String spec, int status, boolean accepted) {
    assertThat(StatusMatcher.parse(spec).orElseThrow().accepts(status)).isEqualTo(accepted);
  }

  @ParameterizedTest
  @CsvSource(
      value = {"abc", "20", "399-200", "600", "2xx,,"},
      delimiter = '|')
  void badStatusLists(String spec) {
    assertThat(StatusMatcher.parse(spec)).isEmpty();
  }
}
