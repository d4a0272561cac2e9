package dev.bluegreen.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** URLs as the product prints them: never with the user name and password they may carry. */
public final class Urls {
  private Urls() {}

  /**
   * {@code http://***@proxy:3128/} for {@code http://user:pass@proxy:3128/}; the URL itself when it
   * has no user-info.
   */
  public static String redact(URI uri) {
    String authority = uri.getRawAuthority();
    if (authority == null || authority.indexOf('@') < 0) {
      return uri.toString();
    }
    // The last '@' ends the user-info: a password may itself contain '@' when it is not
    // percent-encoded.
    String host = authority.substring(authority.lastIndexOf('@') + 1);
    return (uri.getScheme() == null ? "" : uri.getScheme() + "://")
        + "***@"
        + host
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  /** Whether the URL names a user or a password. */
  public static boolean hasUserInfo(URI uri) {
    return uri.getRawAuthority() != null && uri.getRawAuthority().indexOf('@') >= 0;
  }

  /**
   * An absolute http(s) URL with a host, from a variable; otherwise a problem (added to {@code
   * problems}) that names the variable and never quotes the value, which may hold a password.
   */
  public static Optional<URI> httpUrl(
      String variable, String value, String example, List<String> problems) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      problems.add(
          variable
              + ": is not a URL ("
              + e.getReason()
              + " at character "
              + (e.getIndex() + 1)
              + "); set it to "
              + example);
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      problems.add(
          variable + ": is not an http or https URL with a host name; set it to " + example);
      return Optional.empty();
    }
    return Optional.of(uri);
  }
}
