package dev.bluegreen;

import dev.bluegreen.cli.Cli;
import dev.bluegreen.cli.Host;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@code bluegreen} binary. */
public final class Main {

  /**
   * How long a signal waits for the run to put production right and write its outputs: the GitHub
   * runner kills the process 10 s after its first signal (SIGINT, then SIGTERM at 7.5 s).
   */
  private static final long SIGNAL_WAIT_MS = 9_300;

  private Main() {}

  public static void main(String[] args) {
    Host host = Host.system();
    AtomicInteger exit = new AtomicInteger(-1);
    CountDownLatch done = new CountDownLatch(1);
    // SIGINT/SIGTERM run shutdown hooks (the native image is built with --install-exit-handlers, as
    // PID 1 of a container ignores signals without handlers). The hook asks the run to stop, waits
    // for its rollback and outputs, then ends the process with the run's own exit code.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  host.cancellation().request("termination signal", host.clock());
                  try {
                    done.await(SIGNAL_WAIT_MS, TimeUnit.MILLISECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  host.out().flush();
                  Runtime.getRuntime().halt(exit.get() >= 0 ? exit.get() : 130);
                },
                "bluegreen-signal"));
    int code = Cli.run(host, Host.arguments(args));
    exit.set(code);
    done.countDown();
    System.exit(code);
  }
}
