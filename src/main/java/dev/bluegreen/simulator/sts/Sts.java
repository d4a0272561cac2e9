package dev.bluegreen.simulator.sts;

import dev.bluegreen.simulator.core.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * STS's state: the temporary access keys it handed out and when each expires. {@link StsApi} is the
 * wire format. Every operation holds the account lock ({@link Scheduler}).
 */
public final class Sts {

  /** Temporary credentials: the access key id and when it stops working. */
  record Session(String accessKeyId, Instant expiration) {}

  private final Scheduler scheduler;
  private final Map<String, Instant> keys = new LinkedHashMap<>();
  private Duration sessionOverride;
  private long issued;

  public Sts(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** Makes every issued session last this long, whatever was asked, so expiry can be tested. */
  public void overrideSessionLength(Duration length) {
    synchronized (scheduler) {
      this.sessionOverride = length;
    }
  }

  /** A new access key that expires {@code requested} from now (or after the override). */
  Session issue(Duration requested) {
    synchronized (scheduler) {
      Duration length = sessionOverride != null ? sessionOverride : requested;
      Instant expiration = scheduler.now().plus(length);
      String accessKeyId = String.format("ASIASIMULATED%07d", ++issued);
      keys.put(accessKeyId, expiration);
      return new Session(accessKeyId, expiration);
    }
  }

  /** True when the key was issued by STS and has expired. */
  public boolean expired(String accessKeyId) {
    synchronized (scheduler) {
      Instant expiration = keys.get(accessKeyId);
      return expiration != null && !scheduler.now().isBefore(expiration);
    }
  }
}
