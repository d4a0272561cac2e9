package dev.bluegreen.simulator;

import dev.bluegreen.simulator.core.Account;
import dev.bluegreen.simulator.core.Scheduler;
import dev.bluegreen.simulator.s3.S3;
import dev.bluegreen.simulator.sts.Sts;
import dev.bluegreen.simulator.sts.StsApi;
import dev.bluegreen.waiting.VirtualTime;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded Elastic Beanstalk: the account state ({@link #cloud()}), fault injection ({@link
 * #faults()}), the call log ({@link #calls()}) and the HTTP port that serves the EB Query API, the
 * S3 subset, STS and the applications' HTTP (as a proxy).
 */
public final class Simulator implements AutoCloseable {

  public static final String ACCESS_KEY_ID = "AKIASIMULATOR0000001";
  public static final String SECRET_ACCESS_KEY = "simulator-secret-access-key";

  private final Cloud cloud;
  private final S3 s3;
  private final Faults faults;
  private final CallLog calls = new CallLog();
  private final Sts sts;
  private final SimulatorServer server;

  private Simulator(Scheduler scheduler, Account account, Timings timings, long seed, InetAddress address, int port)
      throws IOException {
    this.s3 = new S3(scheduler, account);
    this.cloud = new Cloud(scheduler, account, timings, s3);
    this.faults = new Faults(seed + 1);
    this.sts = new Sts(scheduler);
    this.server = new SimulatorServer(cloud, s3, sts, new StsApi(sts, account), faults, calls, address, port);
  }

  /** Serves on localhost's {@code port} (0 picks a free one) with the given clock and timings. */
  public static Simulator start(int port, Clock clock, Timings timings, String region, long seed) throws IOException {
    return start(InetAddress.getLoopbackAddress(), port, clock, timings, region, seed);
  }

  /** Serves on {@code address}: 0.0.0.0 makes the simulator reachable from containers. */
  public static Simulator start(InetAddress address, int port, Clock clock, Timings timings, String region, long seed)
      throws IOException {
    return new Simulator(new Scheduler(clock), new Account(region, "123456789012", seed), timings, seed, address, port);
  }

  /**
   * Serves on a free port with a virtual clock: the simulator's scheduled transitions become stops
   * of the virtual time, so observers see every state change at its own instant.
   */
  public static Simulator startVirtual(VirtualTime time, Timings timings, long seed) throws IOException {
    Simulator sim = start(0, time.clock(), timings, "us-east-1", seed);
    time.addObserver(new VirtualTime.Observer() {
      @Override
      public Instant nextStop(Instant from) {
        return sim.cloud.scheduler().nextTransitionAfter(from);
      }

      @Override
      public void passing(Instant from, Instant to) {
        sim.cloud.scheduler().settle();
      }
    });
    return sim;
  }

  public Cloud cloud() {
    return cloud;
  }

  /** S3's buckets and objects. */
  public S3 s3() {
    return s3;
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
    sts.overrideSessionLength(length);
  }

  public Simulator seed(Seed seed) {
    seed.applyTo(cloud, s3);
    return this;
  }

  /** The environment variables that point a client (this product, the AWS CLI, curl) at the simulator. */
  public Map<String, String> clientEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_ENDPOINT_URL_ELASTIC_BEANSTALK", endpoint());
    env.put("AWS_ENDPOINT_URL_S3", endpoint());
    env.put("AWS_ENDPOINT_URL_STS", endpoint());
    env.put("HTTP_PROXY", endpoint());
    env.put("NO_PROXY", "localhost,127.0.0.1");
    env.put("AWS_REGION", cloud.region());
    env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
    env.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
    return env;
  }

  @Override
  public void close() {
    server.close();
  }
}
