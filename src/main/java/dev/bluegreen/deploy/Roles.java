package dev.bluegreen.deploy;

import dev.bluegreen.beanstalk.Environment;
import java.util.List;
import java.util.Optional;

/**
 * Who serves production: the live environment (it holds the production CNAME) and the standby (the
 * other one, when it exists), as records read from Elastic Beanstalk. Immutable; a swap makes new
 * roles.
 *
 * @param productionCname the full CNAME users reach
 */
public record Roles(Environment live, Environment standbyOrNull, String productionCname) {

  public Optional<Environment> standby() {
    return Optional.ofNullable(standbyOrNull);
  }

  /** The names of the environments in a role. */
  public List<String> names() {
    return standbyOrNull == null
        ? List.of(live.name())
        : List.of(live.name(), standbyOrNull.name());
  }

  /** After a swap: the standby is live. */
  Roles swapped() {
    return new Roles(standbyOrNull, live, productionCname);
  }

  Roles withStandby(Environment standby) {
    return new Roles(live, standby, productionCname);
  }

  /** The same roles with fresher records of the same environments (terminated ones ignored). */
  Roles refreshed(List<Environment> fresh) {
    Environment l = live;
    Environment s = standbyOrNull;
    for (Environment e : fresh) {
      if (e.isTerminated()) {
        continue;
      }
      if (e.name().equals(l.name())) {
        l = e;
      } else if (s != null && e.name().equals(s.name())) {
        s = e;
      }
    }
    return new Roles(l, s, productionCname);
  }
}
