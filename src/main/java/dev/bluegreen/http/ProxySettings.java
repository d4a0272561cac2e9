package dev.bluegreen.http;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The conventional proxy variables: HTTP_PROXY for http URLs, HTTPS_PROXY for https, NO_PROXY
 * (comma-separated hosts, {@code .suffix} or {@code *}) for hosts reached directly. Lower-case
 * spellings are honoured too. {@link NetworkVariables} checks the variables first: built from
 * unchecked ones, a malformed URL throws.
 */
public record ProxySettings(URI httpProxy, URI httpsProxy, List<String> noProxy) {

  public static Optional<ProxySettings> fromEnvironment(Map<String, String> env) {
    URI http = uri(first(env, "HTTP_PROXY", "http_proxy"));
    URI https = uri(first(env, "HTTPS_PROXY", "https_proxy"));
    if (http == null && https == null) {
      return Optional.empty();
    }
    String no = first(env, "NO_PROXY", "no_proxy");
    List<String> hosts =
        no == null
            ? List.of()
            : java.util.Arrays.stream(no.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(String::toLowerCase)
                .toList();
    return Optional.of(new ProxySettings(http, https, hosts));
  }

  /** The proxy to use for a URL, if any. */
  public Optional<URI> proxyFor(URI target) {
    if (bypasses(target.getHost())) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        "https".equalsIgnoreCase(target.getScheme()) ? httpsProxy : httpProxy);
  }

  public boolean bypasses(String host) {
    if (host == null) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (String rule : noProxy) {
      if (rule.equals("*")
          || h.equals(rule)
          || (rule.startsWith(".") ? h.endsWith(rule) : h.endsWith("." + rule))) {
        return true;
      }
    }
    return false;
  }

  /**
   * NO_PROXY as the {@code http.nonProxyHosts}-style patterns the SDK's URL connection client
   * takes.
   */
  public Set<String> nonProxyPatterns() {
    Set<String> patterns = new LinkedHashSet<>();
    for (String rule : noProxy) {
      if (rule.equals("*")) {
        patterns.add("*");
      } else if (rule.startsWith(".")) {
        patterns.add("*" + rule);
      } else {
        patterns.add(rule);
        patterns.add("*." + rule);
      }
    }
    return patterns;
  }

  private static String first(Map<String, String> env, String... names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }

  private static URI uri(String value) {
    return value == null ? null : URI.create(withScheme(value));
  }

  /** curl and most tools accept a proxy without a scheme ({@code proxy:3128}) and mean http. */
  static String withScheme(String value) {
    return value.contains("://") ? value : "http://" + value;
  }
}
