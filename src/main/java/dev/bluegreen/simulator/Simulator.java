package dev.bluegreen.simulator;

import dev.bluegreen.simulator.apps.Apps;
import dev.bluegreen.simulator.beanstalk.Beanstalk;
import dev.bluegreen.simulator.beanstalk.Timings;
import dev.bluegreen.simulator.s3.S3;
import dev.bluegreen.waiting.VirtualTime;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded Elastic Beanstalk: the account's state per service ({@link #beanstalk()}, {@link
 * #s3()}, and the applications behind the CNAMEs, {@link #apps()}), fault injection ({@link
 * #faults()}), the call log ({@link #calls()}) and the HTTP port that serves the EB Query API, the
 * S3 subset, STS and the applications' HTTP (as a proxy).
 */
public final class Simulator implements AutoCloseable {

  public static final String ACCESS_KEY_ID = "AKIASIMULATOR0000001";
  public static final String SECRET_ACCESS_KEY = "simulator-secret-access-key";

  private final Backends backends;
  private final Faults faults;
  private final CallLog calls = new CallLog();
  private final SimulatorServer server;

  private Simulator(Backends backends, long seed, InetAddress address, int port)
      throws IOException {
    this.backends = backends;
    this.faults = new Faults(seed + 1);
    this.server = new SimulatorServer(backends, faults, calls, address, port);
  }

  /** Serves on localhost's {@code port} (0 picks a free one) with the given clock and timings. */
  public static Simulator start(int port, Clock clock, Timings timings, String region, long seed)
      throws IOException {
    return start(InetAddress.getLoopbackAddress(), port, clock, timings, region, seed);
  }

  /** Serves on {@code address}: 0.0.0.0 makes the simulator reachable from containers. */
  public static Simulator start(
      InetAddress address, int port, Clock clock, Timings timings, String region, long seed)
      throws IOException {
    return new Simulator(
        Backends.create(clock, timings, region, "123456789012", seed), seed, address, port);
  }

  /**
   * Serves on a free port with a virtual clock: the simulator's scheduled transitions become stops
   * of the virtual time, so observers see every state change at its own instant.
   */
  public static Simulator startVirtual(VirtualTime time, Timings timings, long seed)
      throws IOException {
    Simulator sim = start(0, time.clock(), timings, "us-east-1", seed);
    time.addObserver(
        new VirtualTime.Observer() {
          @Override
          public Instant nextStop(Instant from) {
            return sim.backends.scheduler().nextTransitionAfter(from);
          }

          @Override
          public void passing(Instant from, Instant to) {
            sim.backends.scheduler().settle();
          }
        });
    return sim;
  }

  /** Elastic Beanstalk's applications, environments, events and operations. */
  public Beanstalk beanstalk() {
    return backends.beanstalk();
  }

  /** S3's buckets and objects. */
  public S3 s3() {
    return backends.s3();
  }

  /** The applications behind the CNAMEs: what the proxy serves, DNS lookups, health faults. */
  public Apps apps() {
    return backends.apps();
  }

  public Faults faults() {
    return faults;
  }

  public CallLog calls() {
    return calls;
  }

  public int port() {
    return server.port();
  }

  public String endpoint() {
    return "http://localhost:" + port();
  }

  /** Every session STS hands out lasts this long, to exercise credential refresh. */
  public void overrideSessionLength(Duration length) {
    backends.sts().overrideSessionLength(length);
  }

  public Simulator seed(Seed seed) {
    seed.applyTo(backends);
    return this;
  }

  /**
   * The environment variables that point a client (this product, the AWS CLI, curl) at the
   * simulator.
   */
  public Map<String, String> clientEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_ENDPOINT_URL_ELASTIC_BEANSTALK", endpoint());
    env.put("AWS_ENDPOINT_URL_S3", endpoint());
    env.put("AWS_ENDPOINT_URL_STS", endpoint());
    env.put("HTTP_PROXY", endpoint());
    env.put("NO_PROXY", "localhost,127.0.0.1");
    env.put("AWS_REGION", backends.account().region());
    env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
    env.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
    return env;
  }

  @Override
  public void close() {
    server.close();
    backends.s3().close();
  }
}
