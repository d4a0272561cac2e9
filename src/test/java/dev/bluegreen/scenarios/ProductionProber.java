package dev.bluegreen.scenarios;

import dev.bluegreen.simulator.Simulator;
import dev.bluegreen.waiting.VirtualTime;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Users of production, modelled while a scenario runs: several clients each request the production
 * CNAME every few simulated milliseconds. Like real clients they resolve the CNAME through DNS and
 * cache the answer (the environment's load balancer) for the TTL, so after a swap some keep
 * reaching the old environment for up to a TTL. Each request goes through the simulator's proxy for
 * real; since nothing changes between two of the simulator's transitions, one real request stands
 * for all the probes of a client in such a stretch.
 */
final class ProductionProber implements VirtualTime.Observer {

  static final Duration PROBE_EVERY = Duration.ofMillis(5);
  static final Duration DNS_TTL = Duration.ofSeconds(60);
  static final int CLIENTS = 4;

  private final Simulator sim;
  private final String productionCname;
  private final Client[] clients = new Client[CLIENTS];
  private final Map<String, Long> servedBy = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private long probes;
  private long failed;

  private static final class Client {
    final Duration phase;
    String target;
    Instant expires = Instant.MIN;

    Client(Duration phase) {
      this.phase = phase;
    }
  }

  ProductionProber(Simulator sim, String productionCname) {
    this.sim = sim;
    this.productionCname = productionCname;
    for (int i = 0; i < CLIENTS; i++) {
      // Staggered caches: each client's TTL runs out at a different moment.
      clients[i] = new Client(DNS_TTL.dividedBy(CLIENTS).multipliedBy(i));
    }
  }

  @Override
  public synchronized void passing(Instant from, Instant to) {
    for (Client c : clients) {
      Instant t = from;
      while (t.isBefore(to)) {
        if (!t.isBefore(c.expires)) {
          Optional<String> lb = sim.apps().resolve(productionCname);
          c.target = lb.orElse(null);
          Instant base = c.expires.equals(Instant.MIN) ? t.minus(c.phase) : t;
          c.expires = base.plus(DNS_TTL);
          if (!c.expires.isAfter(t)) {
            c.expires = t.plus(DNS_TTL);
          }
        }
        Instant end = c.expires.isBefore(to) ? c.expires : to;
        long n = samples(t, end);
        if (n > 0) {
          record(c.target, n, t);
        }
        t = end;
      }
    }
  }

  private static long samples(Instant from, Instant to) {
    long nanos = Duration.between(from, to).toNanos();
    return Math.max(1, nanos / PROBE_EVERY.toNanos());
  }

  private void record(String target, long n, Instant at) {
    probes += n;
    if (target == null) {
      failed += n;
      note(at, "NXDOMAIN for " + productionCname);
      return;
    }
    try {
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create("http://" + target + "/")
                  .toURL()
                  .openConnection(
                      new Proxy(Proxy.Type.HTTP, new InetSocketAddress("localhost", sim.port())));
      c.setConnectTimeout(2000);
      c.setReadTimeout(2000);
      int status = c.getResponseCode();
      String version = c.getHeaderField("X-Version-Label");
      try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
        if (in != null) {
          in.readAllBytes();
        }
      }
      if (status < 200 || status > 299) {
        failed += n;
        note(at, "HTTP " + status + " from " + target);
      } else {
        servedBy.merge(String.valueOf(version), n, Long::sum);
      }
    } catch (IOException e) {
      failed += n;
      note(at, e.toString());
    }
  }

  private void note(Instant at, String what) {
    if (failures.size() < 20) {
      failures.add(at + " " + what);
    }
  }

  synchronized long probes() {
    return probes;
  }

  synchronized long failed() {
    return failed;
  }

  synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  /** Probes answered 2xx, by the version label that answered. */
  synchronized Map<String, Long> servedBy() {
    return Map.copyOf(servedBy);
  }
}
