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

/**
 * Requests an environment's URL until it has answered well enough times in a row, or the maximum
 * wait is over. TLS is verified (the JDK's defaults); redirects are followed only on the same host,
 * so a check of a standby can never be satisfied by production answering a redirect.
 */
public final class HttpHealthChecker {

  private static final int MAX_BODY = 64 * 1024;

  private final Clock clock;
  private final Sleeper sleeper;
  private final Optional<ProxySettings> proxy;

  public HttpHealthChecker(Clock clock, Sleeper sleeper, Optional<ProxySettings> proxy) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.proxy = proxy;
  }

  public HealthVerdict check(String host, HealthCheckSettings s, Log log) throws InterruptedException {
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
      Duration pause = problem == null ? HealthCheckSettings.BETWEEN_SUCCESSES : HealthCheckSettings.AFTER_FAILURE;
      if (clock.instant().plus(pause).isAfter(deadline)) {
        return new HealthVerdict(false, url, requests, consecutive, List.copyOf(reasons));
      }
      sleeper.sleep(pause);
    }
  }

  /** One request (following same-host redirects); null when it passed, else what was wrong. */
  String probe(String url, HealthCheckSettings s) throws InterruptedException {
    String current = url;
    for (int hop = 0; hop <= HealthCheckSettings.MAX_REDIRECTS; hop++) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      HttpURLConnection c = null;
      try {
        URI uri = URI.create(current);
        URL u = uri.toURL();
        Optional<URI> via = proxy.flatMap(p -> p.proxyFor(uri));
        c = (HttpURLConnection) (via.isPresent()
            ? u.openConnection(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(via.get().getHost(), port(via.get()))))
            : u.openConnection(Proxy.NO_PROXY));
        c.setInstanceFollowRedirects(false);
        c.setConnectTimeout((int) s.requestTimeout().toMillis());
        c.setReadTimeout((int) s.requestTimeout().toMillis());
        c.setRequestProperty("User-Agent", "beanstalk-blue-green health check");
        int status = c.getResponseCode();
        String body = read(status >= 400 ? c.getErrorStream() : c.getInputStream());
        if (s.statuses().accepts(status)) {
          if (s.contains() != null && !s.contains().isEmpty() && !body.contains(s.contains())) {
            return "HTTP " + status + " but the body does not contain \"" + s.contains() + "\"";
          }
          return null;
        }
        if (status >= 300 && status < 400 && c.getHeaderField("Location") != null) {
          URI next = uri.resolve(c.getHeaderField("Location"));
          if (next.getHost() == null || !next.getHost().equalsIgnoreCase(uri.getHost())) {
            return "HTTP " + status + " redirect to another host (" + next + "), not followed";
          }
          current = next.toString();
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
        if (c != null) {
          c.disconnect();
        }
      }
    }
    return "more than " + HealthCheckSettings.MAX_REDIRECTS + " redirects";
  }

  private static int port(URI proxy) {
    return proxy.getPort() > 0 ? proxy.getPort() : "https".equals(proxy.getScheme()) ? 443 : 80;
  }

  private static String read(InputStream in) throws IOException {
    if (in == null) {
      return "";
    }
    try (in) {
      byte[] bytes = in.readNBytes(MAX_BODY);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
