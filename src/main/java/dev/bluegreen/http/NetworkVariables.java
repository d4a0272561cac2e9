package dev.bluegreen.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables that say where the product connects: the proxy variables and the AWS
 * endpoint overrides. Each is checked before anything is sent, and a problem names the variable
 * without ever repeating a user name or password it may hold.
 */
public final class NetworkVariables {

  /** AWS_ENDPOINT_URL applies to every service; a service's own variable wins over it. */
  public static final String ALL_ENDPOINTS = "AWS_ENDPOINT_URL";

  /** The endpoint variable of each service the product calls, by the SDK's service name. */
  public static final Map<String, String> ENDPOINTS = Map.of(
      "elasticbeanstalk", "AWS_ENDPOINT_URL_ELASTIC_BEANSTALK",
      "s3", "AWS_ENDPOINT_URL_S3",
      "sts", "AWS_ENDPOINT_URL_STS");

  private static final List<String> PROXIES = List.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy");

  /** What the variables say, or what is wrong with them. */
  public record Parsed(Optional<ProxySettings> proxy, Map<String, URI> endpoints, List<String> problems) {}

  private NetworkVariables() {}

  public static Parsed parse(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    for (String variable : PROXIES) {
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        check(variable, ProxySettings.withScheme(value.trim()), "a proxy URL such as http://proxy.example.com:3128",
            problems).ifPresent(uri -> {
              if (Urls.hasUserInfo(uri)) {
                problems.add(variable + ": " + Urls.redact(uri) + " carries a user name and password; proxies that "
                    + "need authentication are not supported (the credentials would not be sent and the proxy would "
                    + "answer 407). Let the runner reach the proxy without credentials, or unset " + variable + ".");
              }
            });
      }
    }
    Map<String, URI> endpoints = new LinkedHashMap<>();
    Optional<URI> all = endpoint(env, ALL_ENDPOINTS, problems);
    ENDPOINTS.forEach((service, variable) -> endpoint(env, variable, problems).or(() -> all)
        .ifPresent(uri -> endpoints.put(service, uri)));
    Optional<ProxySettings> proxy = problems.isEmpty() ? ProxySettings.fromEnvironment(env) : Optional.empty();
    return new Parsed(proxy, Map.copyOf(endpoints), List.copyOf(problems));
  }

  private static Optional<URI> endpoint(Map<String, String> env, String variable, List<String> problems) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Optional<URI> uri = check(variable, value.trim(), "an endpoint URL such as https://elasticbeanstalk.eu-west-1"
        + ".amazonaws.com", problems);
    if (uri.isPresent() && Urls.hasUserInfo(uri.get())) {
      problems.add(variable + ": " + Urls.redact(uri.get()) + " carries a user name and password; AWS endpoints take "
          + "none (credentials come from the AWS credential chain)");
      return Optional.empty();
    }
    return uri;
  }

  /** An absolute http(s) URL with a host; the problem never quotes the value, which may hold a password. */
  private static Optional<URI> check(String variable, String value, String example, List<String> problems) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      problems.add(variable + ": is not a URL (" + e.getReason() + " at character " + (e.getIndex() + 1) + "); set it to "
          + example);
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      problems.add(variable + ": is not an http or https URL with a host name; set it to " + example);
      return Optional.empty();
    }
    return Optional.of(uri);
  }
}
