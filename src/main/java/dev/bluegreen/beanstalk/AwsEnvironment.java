package dev.bluegreen.beanstalk;

import dev.bluegreen.http.Urls;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How AWS settings come from the environment, as the AWS CLI and SDKs read them: the region
 * (AWS_REGION, then AWS_DEFAULT_REGION, which the Java SDK alone does not read), the endpoint
 * overrides (AWS_ENDPOINT_URL and one variable per service), and the credentials (role-to-assume,
 * keys, a profile, or the SDK's default chain).
 */
public final class AwsEnvironment {

  /** Variables whose values are secrets: masked in the log before anything is printed. */
  public static final List<String> SECRET_VARIABLES =
      List.of("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

  /** AWS_ENDPOINT_URL applies to every service; a service's own variable wins over it. */
  static final String ALL_ENDPOINTS = "AWS_ENDPOINT_URL";

  /** The SDK's name of the Elastic Beanstalk service, the key of its endpoint override. */
  public static final String ELASTIC_BEANSTALK = "elasticbeanstalk";

  /** The endpoint variable of each service the product calls, by the SDK's service name. */
  static final Map<String, String> ENDPOINTS =
      Map.of(
          ELASTIC_BEANSTALK,
          "AWS_ENDPOINT_URL_ELASTIC_BEANSTALK",
          "s3",
          "AWS_ENDPOINT_URL_S3",
          "sts",
          "AWS_ENDPOINT_URL_STS");

  /** Sessions of role-to-assume last this long; they are renewed before they end. */
  static final Duration SESSION_LENGTH = Duration.ofHours(1);

  private final Map<String, String> env;

  public AwsEnvironment(Map<String, String> env) {
    this.env = env;
  }

  /** The endpoint overrides by service, or what is wrong with the variables. */
  public record Endpoints(Map<String, URI> byService, List<String> problems) {}

  /** AWS_REGION, else AWS_DEFAULT_REGION. */
  public Optional<String> region() {
    return value("AWS_REGION").or(() -> value("AWS_DEFAULT_REGION"));
  }

  public Endpoints endpoints() {
    List<String> problems = new ArrayList<>();
    Map<String, URI> endpoints = new LinkedHashMap<>();
    Optional<URI> all = endpoint(ALL_ENDPOINTS, problems);
    ENDPOINTS.forEach(
        (service, variable) ->
            endpoint(variable, problems)
                .or(() -> all)
                .ifPresent(uri -> endpoints.put(service, uri)));
    return new Endpoints(Map.copyOf(endpoints), List.copyOf(problems));
  }

  private Optional<URI> endpoint(String variable, List<String> problems) {
    Optional<String> value = value(variable);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Optional<URI> uri =
        Urls.httpUrl(
            variable,
            value.get(),
            "an endpoint URL such as https://elasticbeanstalk.eu-west-1.amazonaws.com",
            problems);
    if (uri.isPresent() && Urls.hasUserInfo(uri.get())) {
      problems.add(
          variable
              + ": "
              + Urls.redact(uri.get())
              + " carries a user name and password; AWS endpoints take "
              + "none (credentials come from the AWS credential chain)");
      return Optional.empty();
    }
    return uri;
  }

  /**
   * Where the credentials come from: the role to assume with a web identity token when one is
   * given; else keys in the environment; else a profile ({@code profile}, then AWS_PROFILE); else
   * the SDK's default chain.
   *
   * @param tokens fresh web identity tokens, for {@code role}
   */
  public AwsSettings.CredentialSource credentials(
      Optional<String> role,
      String sessionName,
      Supplier<String> tokens,
      Optional<String> profile) {
    if (role.isPresent()) {
      return new AwsSettings.WebIdentity(role.get(), sessionName, tokens, SESSION_LENGTH);
    }
    Optional<String> key = value("AWS_ACCESS_KEY_ID");
    Optional<String> secret = value("AWS_SECRET_ACCESS_KEY");
    if (key.isPresent() && secret.isPresent()) {
      return new AwsSettings.StaticKeys(
          key.get(), secret.get(), value("AWS_SESSION_TOKEN").orElse(null));
    }
    Optional<String> named = profile.or(() -> value("AWS_PROFILE"));
    if (named.isPresent()) {
      return new AwsSettings.Profile(named.get());
    }
    return new AwsSettings.DefaultChain();
  }

  private Optional<String> value(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }
}
