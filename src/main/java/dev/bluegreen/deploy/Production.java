package dev.bluegreen.deploy;

import dev.bluegreen.beanstalk.Environment;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What changes during a run, and only through these few calls: the roles (resolved once, then a
 * standby created, a swap, fresher records), when each environment lost production (it drains from
 * then), and which versions are known good (they served production before the run, or passed their
 * checks in it). Safe for steps that run at the same time.
 */
public final class Production {
  private Roles before;
  private Roles now;
  private final Map<String, Instant> lostAt = new HashMap<>();
  private final Set<String> good = new HashSet<>();
  private Names assumed;
  private Instant readAt;

  /**
   * Who holds which role, by name: the roles now, or in a dry run what they would be had the
   * planned steps run.
   *
   * @param productionCname the full CNAME users reach
   */
  public record Names(String live, Optional<String> standby, String productionCname) {}

  /** The roles as a resolving step found them; the first call also records the "before" picture. */
  public synchronized void resolved(Roles roles, Instant at) {
    readAt = at;
    if (before == null) {
      before = roles;
      good.add(roles.live().versionLabel());
    }
    now = roles;
    assumed = null;
  }

  /** The roles now; a step that needs them runs after the roles were resolved. */
  public synchronized Roles roles() {
    if (now == null) {
      throw new IllegalStateException("the roles are read before they were resolved");
    }
    return now;
  }

  /** When the environments in a role were last read whole (who holds production included). */
  public synchronized Optional<Instant> readAt() {
    return Optional.ofNullable(readAt);
  }

  public synchronized Optional<Roles> current() {
    return Optional.ofNullable(now);
  }

  public synchronized Optional<Roles> before() {
    return Optional.ofNullable(before);
  }

  /** The roles by name, as the run has them or, in a dry run, would have them by now. */
  public synchronized Optional<Names> names() {
    if (assumed != null) {
      return Optional.of(assumed);
    }
    return current()
        .map(
            r ->
                new Names(
                    r.live().name(), r.standby().map(Environment::name), r.productionCname()));
  }

  /** Dry run: a planned step would have made {@code name} the standby. */
  public synchronized void assumeStandby(String name) {
    names().ifPresent(n -> assumed = new Names(n.live(), Optional.of(name), n.productionCname()));
  }

  /** Dry run: a planned swap would have moved production to the standby. */
  public synchronized void assumeSwapped() {
    names()
        .ifPresent(
            n ->
                n.standby()
                    .ifPresent(
                        s -> assumed = new Names(s, Optional.of(n.live()), n.productionCname())));
  }

  /** The version production ran before this run. */
  public synchronized Optional<String> previousVersion() {
    return before().map(r -> r.live().versionLabel());
  }

  /**
   * A standby was made (the swap strategy's missing standby, or the clone strategy's temporary
   * environment).
   */
  public synchronized void standbyCreated(Environment standby) {
    now = roles().withStandby(standby);
  }

  /**
   * The production CNAME moved to {@code environment} (a swap): it is live, the other one is the
   * standby and drains from {@code at}. Nothing changes when it was live already.
   */
  public synchronized void movedTo(String environment, Instant at) {
    if (roles().live().name().equals(environment)) {
      return;
    }
    lostAt.put(now.live().name(), at);
    now = now.swapped();
  }

  /**
   * Fresh records read from Elastic Beanstalk, which also say who holds the production CNAME: when
   * the standby holds it (a swap whose answer was lost, or another run's), it is live from now.
   */
  public synchronized void observed(List<Environment> fresh, Instant at) {
    refreshed(fresh);
    readAt = at;
    if (now != null
        && now.standby().isPresent()
        && Cnames.matches(now.standby().get().cname(), now.productionCname())
        && !Cnames.matches(now.live().cname(), now.productionCname())) {
      movedTo(now.standby().get().name(), at);
    }
  }

  public synchronized void refreshed(List<Environment> fresh) {
    if (now != null) {
      now = now.refreshed(fresh);
    }
  }

  /** When the environment lost the production CNAME in this run, if it did. */
  public synchronized Optional<Instant> lostProductionAt(String environment) {
    return Optional.ofNullable(lostAt.get(environment));
  }

  /** A version that passed its checks in this run. */
  public synchronized void passed(String label) {
    good.add(label);
  }

  /** Whether the version served production before the run or passed its checks in it. */
  public synchronized boolean isGood(String label) {
    return good.contains(label);
  }
}
