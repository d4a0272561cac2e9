package dev.bluegreen.deploy.steps;

import dev.bluegreen.deploy.Context;
import dev.bluegreen.inputs.Inputs;
import dev.bluegreen.log.Log;
import dev.bluegreen.waiting.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * drain-time: an environment that just lost the production CNAME keeps running that long, because
 * clients that cached the old DNS answer still reach it.
 */
final class Drain {
  private Drain() {}

  /**
   * Sleeps until the environment has drained. False when a cancellation leaves too little time;
   * true at once for an environment that did not lose production recently.
   *
   * @param lostAt when it lost production, if it did
   */
  static boolean await(Context ctx, Log log, String environment, Optional<Instant> lostAt)
      throws InterruptedException {
    if (lostAt.isEmpty()) {
      return true;
    }
    Duration left =
        Duration.between(
            ctx.clock().instant(), lostAt.get().plus(ctx.request().get(Inputs.DRAIN_TIME)));
    if (left.isNegative() || left.isZero()) {
      return true;
    }
    if (left.compareTo(ctx.cancellation().remaining(ctx.clock())) > 0) {
      return false;
    }
    log.info(
        "waiting "
            + Durations.format(left)
            + " for DNS caches to let go of "
            + environment
            + " (drain-time)");
    ctx.sleeper().sleep(left);
    return true;
  }
}
