package dev.bluegreen.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy variables (HTTP_PROXY, HTTPS_PROXY and their lower-case spellings), checked before
 * anything is sent. A problem names the variable without ever repeating a user name or password.
 */
public final class ProxyVariables {

  private static final List<String> PROXIES =
      List.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy");

  /** The proxy settings, or what is wrong with the variables. */
  public record Parsed(Optional<ProxySettings> proxy, List<String> problems) {}

  private ProxyVariables() {}

  public static Parsed parse(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    for (String variable : PROXIES) {
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        Urls.httpUrl(
                variable,
                ProxySettings.withScheme(value.trim()),
                "a proxy URL such as http://proxy.example.com:3128",
                problems)
            .ifPresent(
                uri -> {
                  if (Urls.hasUserInfo(uri)) {
                    problems.add(
                        variable
                            + ": "
                            + Urls.redact(uri)
                            + " carries a user name and password; proxies that "
                            + "need authentication are not supported (the credentials would not be sent and the proxy would "
                            + "answer 407). Let the runner reach the proxy without credentials, or unset "
                            + variable
                            + ".");
                  }
                });
      }
    }
    Optional<ProxySettings> proxy =
        problems.isEmpty() ? ProxySettings.fromEnvironment(env) : Optional.empty();
    return new Parsed(proxy, List.copyOf(problems));
  }
}
