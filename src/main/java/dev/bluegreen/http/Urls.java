package dev.bluegreen.http;

import java.net.URI;

/** URLs as the product prints them: never with the user name and password they may carry. */
public final class Urls {
  private Urls() {}

  /** {@code http://***@proxy:3128/} for {@code http://user:pass@proxy:3128/}; the URL itself when it has no user-info. */
  public static String redact(URI uri) {
    String authority = uri.getRawAuthority();
    if (authority == null || authority.indexOf('@') < 0) {
      return uri.toString();
    }
    // The last '@' ends the user-info: a password may itself contain '@' when it is not percent-encoded.
    String host = authority.substring(authority.lastIndexOf('@') + 1);
    return (uri.getScheme() == null ? "" : uri.getScheme() + "://") + "***@" + host
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  /** Whether the URL names a user or a password. */
  public static boolean hasUserInfo(URI uri) {
    return uri.getRawAuthority() != null && uri.getRawAuthority().indexOf('@') >= 0;
  }
}
