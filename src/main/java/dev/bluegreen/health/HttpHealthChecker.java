package dev.bluegreen.health;

import dev.bluegreen.http.ProxySettings;
import dev.bluegreen.log.Log;
import dev.bluegreen.waiting.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Requests an environment's URL until it has answered well enough times in a row, or the maximum
 * wait is over. TLS is verified (the JDK's defaults); redirects are followed only to the same
 * scheme, host and port, so a check of a standby can never be satisfied by production answering a
 * redirect, nor be sent to another service on the same host.
 */
public final class HttpHealthChecker implements HealthChecker {

  private final Clock clock;
  private final Sleeper sleeper;
  private final Optional<ProxySettings> proxy;

  public HttpHealthChecker(Clock clock, Sleeper sleeper, Optional<ProxySettings> proxy) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.proxy = proxy;
  }

  @Override
  public HealthVerdict check(String host, HealthCheckSettings s, Log log)
      throws InterruptedException {
    String url = s.url(host);
    Instant deadline = clock.instant().plus(s.maxWait());
    int requests = 0;
    int consecutive = 0;
    List<String> reasons = new ArrayList<>();
    while (true) {
      requests++;
      String problem = probe(url, s);
      if (problem == null) {
        consecutive++;
        log.info("  GET " + url + ": ok (" + consecutive + "/" + s.successes() + ")");
        if (consecutive >= s.successes()) {
          return new HealthVerdict(true, url, requests, consecutive, List.copyOf(reasons));
        }
      } else {
        consecutive = 0;
        log.info("  GET " + url + ": " + problem);
        if (reasons.isEmpty() || !reasons.get(reasons.size() - 1).equals(problem)) {
          reasons.add(problem);
        }
      }
      Duration pause =
          problem == null
              ? HealthCheckSettings.BETWEEN_SUCCESSES
              : HealthCheckSettings.AFTER_FAILURE;
      if (clock.instant().plus(pause).isAfter(deadline)) {
        return new HealthVerdict(false, url, requests, consecutive, List.copyOf(reasons));
      }
      sleeper.sleep(pause);
    }
  }

  /**
   * One request, following redirects to the same origin, within {@code health-check-timeout} in
   * all: a server that answers one byte at a time cannot hold the check (or a cancellation) up.
   * Null when it passed, else what was wrong.
   */
  String probe(String url, HealthCheckSettings s) throws InterruptedException {
    Exchange exchange = new Exchange();
    FutureTask<String> task = new FutureTask<>(() -> exchange.run(url, s));
    Thread worker = new Thread(task, "bluegreen-health-check");
    worker.setDaemon(true);
    worker.start();
    try {
      return task.get(s.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return "no complete answer within " + s.requestTimeout().toMillis() + " ms";
    } catch (ExecutionException e) {
      return e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
    } finally {
      exchange.abandon();
      worker.interrupt();
    }
  }

  /**
   * The request on its own thread, so that the caller can abandon it at its deadline or on a
   * cancel.
   */
  private final class Exchange {
    private volatile HttpURLConnection connection;
    private volatile boolean abandoned;

    /** Closing the connection ends a read that is blocked on a slow server. */
    void abandon() {
      abandoned = true;
      HttpURLConnection c = connection;
      if (c != null) {
        c.disconnect();
      }
    }

    String run(String url, HealthCheckSettings s) {
      URI current = URI.create(url);
      for (int hop = 0; hop <= HealthCheckSettings.MAX_REDIRECTS && !abandoned; hop++) {
        try {
          HttpURLConnection c = open(current, s);
          connection = c;
          if (abandoned) {
            c.disconnect();
            return "abandoned";
          }
          int status = c.getResponseCode();
          String body = read(status >= 400 ? c.getErrorStream() : c.getInputStream());
          if (s.statuses().accepts(status)) {
            if (s.contains() != null && !s.contains().isEmpty() && !body.contains(s.contains())) {
              return "HTTP " + status + " but the body does not contain \"" + s.contains() + "\"";
            }
            return null;
          }
          String location = c.getHeaderField("Location");
          if (status >= 300 && status < 400 && location != null) {
            URI next = current.resolve(location);
            if (next.getHost() == null || !next.getHost().equalsIgnoreCase(current.getHost())) {
              return "HTTP " + status + " redirect to another host (" + next + "), not followed";
            }
            if (!sameSchemeAndPort(current, next)) {
              return "HTTP "
                  + status
                  + " redirect to another scheme or port ("
                  + next
                  + "), not followed";
            }
            current = next;
            continue;
          }
          return "HTTP " + status + " (accepted: " + s.statuses() + ")";
        } catch (java.net.SocketTimeoutException e) {
          return "no answer within " + s.requestTimeout().toMillis() + " ms";
        } catch (javax.net.ssl.SSLException e) {
          return "TLS failed: " + e.getMessage();
        } catch (IOException | IllegalArgumentException e) {
          return e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
          HttpURLConnection c = connection;
          if (c != null) {
            c.disconnect();
          }
        }
      }
      return "more than " + HealthCheckSettings.MAX_REDIRECTS + " redirects";
    }

    private HttpURLConnection open(URI uri, HealthCheckSettings s) throws IOException {
      URL u = uri.toURL();
      Optional<URI> via = proxy.flatMap(p -> p.proxyFor(uri));
      HttpURLConnection c =
          (HttpURLConnection)
              (via.isPresent()
                  ? u.openConnection(
                      new Proxy(
                          Proxy.Type.HTTP,
                          new InetSocketAddress(via.get().getHost(), effectivePort(via.get()))))
                  : u.openConnection(Proxy.NO_PROXY));
      c.setInstanceFollowRedirects(false);
      c.setConnectTimeout((int) s.requestTimeout().toMillis());
      c.setReadTimeout((int) s.requestTimeout().toMillis());
      c.setRequestProperty("User-Agent", "beanstalk-blue-green health check");
      return c;
    }
  }

  private static boolean sameSchemeAndPort(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && effectivePort(a) == effectivePort(b);
  }

  private static int effectivePort(URI uri) {
    return uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static String read(InputStream in) throws IOException {
    if (in == null) {
      return "";
    }
    try (in) {
      byte[] bytes = in.readNBytes(HealthCheckSettings.MAX_BODY_BYTES);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
