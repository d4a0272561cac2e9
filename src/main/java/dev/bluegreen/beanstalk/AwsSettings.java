package dev.bluegreen.beanstalk;

import dev.bluegreen.http.ProxySettings;
import dev.bluegreen.waiting.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything the AWS clients are built from.
 *
 * @param endpoints endpoint overrides by service ({@code elasticbeanstalk}, {@code s3}, {@code
 *     sts})
 * @param secrets receives every secret the clients obtain (session tokens), so the log can mask it
 */
public record AwsSettings(
    String region,
    Map<String, URI> endpoints,
    Optional<ProxySettings> proxy,
    CredentialSource credentials,
    Clock clock,
    Sleeper sleeper,
    Consumer<String> secrets) {

  /**
   * Attempts per API call. At 30 % throttling the SDK default of 4 loses about 1 call in 120; 10
   * loses 1 in 170,000.
   */
  public static final int MAX_ATTEMPTS = 10;

  public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

  /** Where credentials come from. */
  public sealed interface CredentialSource permits StaticKeys, WebIdentity, Profile, DefaultChain {}

  /** A named profile of the shared config files, SSO profiles included. */
  public record Profile(String name) implements CredentialSource {}

  /** Keys given explicitly (AWS_ACCESS_KEY_ID and friends read by the caller). */
  public record StaticKeys(String accessKeyId, String secretAccessKey, String sessionToken)
      implements CredentialSource {}

  /**
   * {@code role-to-assume}: each session comes from AssumeRoleWithWebIdentity with a freshly
   * fetched token, and is renewed before it expires.
   */
  public record WebIdentity(
      String roleArn, String sessionName, Supplier<String> tokens, Duration sessionLength)
      implements CredentialSource {}

  /**
   * The SDK's default chain: environment, web identity file, SSO/profile, container, instance role.
   */
  public record DefaultChain() implements CredentialSource {}
}
