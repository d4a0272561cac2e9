package dev.bluegreen.cli;

import dev.bluegreen.simulator.Simulator;
import dev.bluegreen.waiting.VirtualTime;
import java.time.Duration;
import java.time.Instant;

/** Demo fault: the environment that takes production turns Red a few seconds after the swap. */
final class RedAfterSwap {
  private RedAfterSwap() {}

  static void arm(Simulator sim, VirtualTime time) {
    boolean[] armed = {true};
    time.addObserver(
        new VirtualTime.Observer() {
          @Override
          public void passing(Instant from, Instant to) {
            if (!armed[0] || sim.calls().count("SwapEnvironmentCNAMEs") == 0) {
              return;
            }
            armed[0] = false;
            sim.beanstalk().environments().stream()
                .filter(
                    e ->
                        e.cname() != null
                            && e.cname().startsWith("demo-app.")
                            && !"Terminated".equals(e.status()))
                .findFirst()
                .ifPresent(e -> sim.apps().turnRedAt(e.name(), from.plus(Duration.ofSeconds(2))));
          }
        });
  }
}
