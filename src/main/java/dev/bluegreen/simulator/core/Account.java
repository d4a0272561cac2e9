package dev.bluegreen.simulator.core;

import java.util.Random;
import java.util.UUID;

/**
 * The simulated account's facts (region, account id) and the seeded random source that every
 * generated id and jittered duration draws from. Callers draw while holding the {@link Scheduler}'s
 * lock, so that a run with the same seed and the same requests draws the same values in the same
 * order.
 */
public final class Account {

  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final String region;
  private final String accountId;
  private final Random random;

  public Account(String region, String accountId, long seed) {
    this.region = region;
    this.accountId = accountId;
    this.random = new Random(seed);
  }

  public String region() {
    return region;
  }

  public String accountId() {
    return accountId;
  }

  public String newRequestId() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  /** {@code n} random lower-case letters and digits. */
  public String alnum(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    return s.toString();
  }

  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  public double nextDouble() {
    return random.nextDouble();
  }
}
