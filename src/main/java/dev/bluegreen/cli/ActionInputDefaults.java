package dev.bluegreen.cli;

import dev.bluegreen.action.ActionEnvironment;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an unset {@code --flag} takes its value: the matching {@code INPUT_*} variable, or, for a
 * standalone container with no {@code INPUT_*} at all, the DNXLabs image's variables. Declared
 * defaults are applied later, when the inputs are parsed, so that "unset" stays visible.
 */
public final class ActionInputDefaults implements IDefaultValueProvider {

  /**
   * DNXLabs docker-beanstalk-bluegreen variables, for users who switch by changing the image name.
   */
  static final Map<String, String> DNX =
      Map.of(
          "application-name", "BEANSTALK_APP_NAME",
          "blue-environment", "BLUE_ENV_NAME",
          "green-environment", "GREEN_ENV_NAME",
          "version-label", "VERSION_LABEL",
          "s3-bucket", "S3_ARTIFACTS_BUCKET");

  private final Map<String, String> env;
  private final ActionEnvironment action;

  public ActionInputDefaults(Map<String, String> env) {
    this.env = env;
    this.action = new ActionEnvironment(env);
  }

  /**
   * True when the DNXLabs variables are in charge: no INPUT_ variable, and BEANSTALK_APP_NAME set.
   */
  public static boolean dnxMode(Map<String, String> env) {
    return !new ActionEnvironment(env).hasAnyInput() && notBlank(env.get("BEANSTALK_APP_NAME"));
  }

  /** DNXLabs' AUTH_METHOD=SSO with SSO_PROFILE: the AWS profile to use. */
  static java.util.Optional<String> dnxProfile(Map<String, String> env) {
    if (dnxMode(env)
        && "SSO".equalsIgnoreCase(env.get("AUTH_METHOD"))
        && notBlank(env.get("SSO_PROFILE"))) {
      return java.util.Optional.of(env.get("SSO_PROFILE").trim());
    }
    return java.util.Optional.empty();
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
      return null;
    }
    String name = option.longestName().substring(2);
    if (action.hasAnyInput()) {
      return action.input(name).orElse(null);
    }
    if (dnxMode(env)) {
      return dnx(name);
    }
    return null;
  }

  private String dnx(String name) {
    if (name.equals("strategy")) {
      return "clone";
    }
    if (DNX.containsKey(name)) {
      String v = env.get(DNX.get(name));
      return notBlank(v) ? v.trim() : null;
    }
    String url = env.get("RELEASE_HEALTH_CHECKING_PATH");
    if (notBlank(url)) {
      // DNXLabs reads it as a whole URL despite its name; keep its scheme and path.
      java.net.URI uri = java.net.URI.create(url.trim());
      if (name.equals("health-check-path") && uri.getHost() != null) {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      }
      if (name.equals("health-check-path") && uri.getHost() == null) {
        return url.trim();
      }
      if (name.equals("health-check-scheme") && uri.getScheme() != null) {
        return uri.getScheme();
      }
      if (name.equals("health-check-status")) {
        return "200,301";
      }
    }
    return null;
  }

  private static boolean notBlank(String v) {
    return v != null && !v.isBlank();
  }
}
