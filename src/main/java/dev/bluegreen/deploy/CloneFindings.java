package dev.bluegreen.deploy;

import dev.bluegreen.beanstalk.Environment;
import java.util.List;
import java.util.Optional;

/**
 * What the clone strategy found before starting: the roles, and what an earlier run left with the
 * temporary environment's name.
 *
 * @param idleClone a clone of an earlier run (tagged as ours) that does not hold production
 * @param cloneHoldsProduction an earlier run stopped after its first swap: the clone serves
 *     production
 * @param permanentFit the permanent environment is Ready and healthy, so it can take production
 *     back first
 */
public record CloneFindings(
    Roles roles,
    Optional<Environment> idleClone,
    boolean cloneHoldsProduction,
    boolean permanentFit,
    List<String> recovered)
    implements Resolution {

  /** Recovery: production goes back to the permanent environment before anything else. */
  public boolean takesProductionBack() {
    return cloneHoldsProduction && permanentFit;
  }

  /** The permanent environment serves production when the clone is made (or reused). */
  public boolean permanentServes() {
    return !cloneHoldsProduction || takesProductionBack();
  }
}
