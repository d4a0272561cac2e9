package dev.bluegreen.beanstalk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Credentials from {@code role-to-assume}: a fresh OIDC token exchanged with
 * AssumeRoleWithWebIdentity, renewed when less than a fifth of the session (at most five minutes)
 * is left, so a deployment that outlasts one session keeps going.
 */
final class WebIdentityCredentials implements AwsCredentialsProvider {
  private static final Duration MAX_REFRESH_MARGIN = Duration.ofMinutes(5);

  private final StsClient sts;
  private final AwsSettings.WebIdentity source;
  private final Clock clock;
  private final Consumer<String> secrets;
  private AwsSessionCredentials current;
  private Instant refreshAt = Instant.MIN;

  WebIdentityCredentials(
      StsClient sts, AwsSettings.WebIdentity source, Clock clock, Consumer<String> secrets) {
    this.sts = sts;
    this.source = source;
    this.clock = clock;
    this.secrets = secrets;
  }

  @Override
  public synchronized AwsCredentials resolveCredentials() {
    if (current == null || !clock.instant().isBefore(refreshAt)) {
      String token = source.tokens().get();
      secrets.accept(token);
      AssumeRoleWithWebIdentityResponse response;
      try {
        response =
            sts.assumeRoleWithWebIdentity(
                r ->
                    r.roleArn(source.roleArn())
                        .roleSessionName(source.sessionName())
                        .webIdentityToken(token)
                        .durationSeconds((int) source.sessionLength().toSeconds()));
      } catch (RuntimeException e) {
        throw SdkBeanstalkGateway.translate("AssumeRoleWithWebIdentity", e);
      }
      Credentials c = response.credentials();
      secrets.accept(c.secretAccessKey());
      secrets.accept(c.sessionToken());
      current =
          AwsSessionCredentials.builder()
              .accessKeyId(c.accessKeyId())
              .secretAccessKey(c.secretAccessKey())
              .sessionToken(c.sessionToken())
              .expirationTime(c.expiration())
              .build();
      Instant now = clock.instant();
      Duration life = Duration.between(now, c.expiration());
      Duration margin =
          life.dividedBy(5).compareTo(MAX_REFRESH_MARGIN) < 0
              ? life.dividedBy(5)
              : MAX_REFRESH_MARGIN;
      refreshAt = c.expiration().minus(margin);
    }
    return current;
  }
}
