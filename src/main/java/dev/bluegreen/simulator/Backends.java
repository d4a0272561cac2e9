package dev.bluegreen.simulator;

import dev.bluegreen.simulator.apps.Apps;
import dev.bluegreen.simulator.beanstalk.Beanstalk;
import dev.bluegreen.simulator.beanstalk.Timings;
import dev.bluegreen.simulator.core.Account;
import dev.bluegreen.simulator.core.Scheduler;
import dev.bluegreen.simulator.s3.S3;
import dev.bluegreen.simulator.sts.Sts;
import java.time.Clock;

/**
 * The simulated account: one backend per service, all on one {@link Scheduler} (clock, transitions,
 * and the lock over every backend's state) and one {@link Account}.
 */
record Backends(
    Scheduler scheduler, Account account, S3 s3, Sts sts, Beanstalk beanstalk, Apps apps) {

  static Backends create(Clock clock, Timings timings, String region, String accountId, long seed) {
    Scheduler scheduler = new Scheduler(clock);
    Account account = new Account(region, accountId, seed);
    S3 s3 = new S3(scheduler, account);
    Beanstalk beanstalk = new Beanstalk(scheduler, account, timings, s3);
    return new Backends(
        scheduler, account, s3, new Sts(scheduler), beanstalk, new Apps(scheduler, beanstalk));
  }
}
