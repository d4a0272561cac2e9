package dev.bluegreen.deploy;

import dev.bluegreen.beanstalk.BeanstalkGateway;
import dev.bluegreen.beanstalk.Environment;
import java.util.List;

/** Facts read from Elastic Beanstalk that make an input problem easier to fix. */
public final class Hints {
  private Hints() {}

  /**
   * For a missing production-cname: each environment's CNAME, so the user can pick the one users
   * reach.
   */
  public static String productionCname(
      BeanstalkGateway aws, String application, List<String> names) {
    List<Environment> envs = aws.environments(application, names);
    StringBuilder s = new StringBuilder(". The environments have: ");
    for (String name : names) {
      s.append(name)
          .append(" → ")
          .append(
              Environment.current(envs, name).map(Environment::cname).orElse("(does not exist)"))
          .append("; ");
    }
    return s.append("set production-cname to the one your users reach").toString();
  }
}
