package dev.bluegreen.deploy;

import java.util.Locale;

/**
 * Matching the {@code production-cname} input against environments' CNAMEs. Users give a prefix
 * ({@code my-app}) or a full name, in the regional form ({@code
 * my-app.us-east-1.elasticbeanstalk.com}) or the legacy one of environments created before 2016
 * ({@code my-app.elasticbeanstalk.com}).
 */
public final class Cnames {
  private Cnames() {}

  public static String normalize(String input) {
    String s = input.trim().toLowerCase(Locale.ROOT);
    s = s.replaceFirst("^[a-z]+://", "");
    int slash = s.indexOf('/');
    if (slash >= 0) {
      s = s.substring(0, slash);
    }
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** Whether an environment's CNAME is the production one given as prefix or full name. */
  public static boolean matches(String environmentCname, String wanted) {
    if (environmentCname == null || wanted == null) {
      return false;
    }
    String cname = normalize(environmentCname);
    String w = normalize(wanted);
    if (!w.contains(".")) {
      return cname.startsWith(w + ".")
          && cname.endsWith(".elasticbeanstalk.com")
          && cname.substring(w.length() + 1).matches("([a-z0-9-]+\\.)?elasticbeanstalk\\.com");
    }
    return cname.equals(w);
  }
}
