package dev.bluegreen.cli;

import dev.bluegreen.action.ActionEnvironment;
import dev.bluegreen.bundle.SourceBundle;
import dev.bluegreen.health.HealthCheckSettings;
import dev.bluegreen.health.StatusMatcher;
import dev.bluegreen.plan.Command;
import dev.bluegreen.plan.DeploymentRequest;
import dev.bluegreen.plan.Strategy;
import dev.bluegreen.waiting.Durations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns the raw inputs into a {@link DeploymentRequest}, collecting every problem, each naming the
 * input and the fix. Nothing here talks to AWS.
 */
public final class RequestParser {

  private static final Pattern ENV_NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9-]{2,38}[a-zA-Z0-9]$");
  private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d+$");
  private static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}$");
  private static final Pattern SESSION_NAME = Pattern.compile("^[\\w+=,.@-]{2,64}$");
  private static final Set<String> TRUE = Set.of("true", "True", "TRUE");
  private static final Set<String> FALSE = Set.of("false", "False", "FALSE");
  /** RFC 3986 path-absolute with an optional query: pchar, '/' and '?' only, percent-escapes well formed. */
  private static final Pattern URL_PATH = Pattern.compile("^/([A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*$");
  private static final List<String> COLOURS = List.of("Green", "Yellow", "Red", "Grey");
  /** GitHub ends a job after 6 hours; a single wait must leave room for the rest of the run. */
  static final Duration MAX_WAIT_TIMEOUT = Duration.ofHours(5).plusMinutes(50);

  /** The parsed request, or the problems that prevent one; warnings name inputs that have no effect. */
  public record Parsed(DeploymentRequest request, List<String> problems, boolean productionCnameMissing,
      List<String> warnings) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final Map<String, String> env;
  private final ActionEnvironment action;
  private final Path workDir;
  private final List<String> problems = new ArrayList<>();

  public RequestParser(Map<String, String> env, Path workDir) {
    this.env = env;
    this.action = new ActionEnvironment(env);
    this.workDir = workDir;
  }

  public Parsed parse(Command command, InputOptions o) {
    String application = required("application-name", o.applicationName);
    if (application != null && application.length() > 100) {
      problem("application-name", "is " + application.length() + " characters long; the limit is 100");
    }
    String blue = environmentName("blue-environment", o.blueEnvironment);
    String green = environmentName("green-environment", o.greenEnvironment);
    if (blue != null && blue.equalsIgnoreCase(green)) {
      problem("green-environment", "must differ from blue-environment (both are " + blue + ")");
    }
    Strategy strategy = choice("strategy", o.strategy, Strategy.values(), Strategy::input);
    String production = value("production-cname", o.productionCname);
    boolean productionMissing = false;
    if (production != null && !production.matches("^(https?://)?[A-Za-z0-9.-]+\\.?/?$")) {
      problem("production-cname", "'" + production + "' is not a CNAME prefix or host name");
    }
    if (production == null && strategy == Strategy.SWAP && command != Command.CLEANUP) {
      productionMissing = true;
      problems.add("production-cname: required for strategy swap, to tell which environment is live");
    }
    String label = value("version-label", o.versionLabel);
    if (label == null && command == Command.DEPLOY) {
      label = action.defaultVersionLabel().orElse(null);
    }
    if (label == null && command == Command.DEPLOY) {
      problem("version-label", "is required outside GitHub Actions (in Actions it defaults to <sha7>-<run id>)");
    }
    if (label != null && (label.length() > 100 || label.contains("/"))) {
      problem("version-label", "'" + label + "' must be 1 to 100 characters without '/'");
    }
    SourceBundle bundle = bundle(value("source-bundle", o.sourceBundle));
    String bucket = value("s3-bucket", o.s3Bucket);
    if (bucket != null) {
      S3Names.bucketProblem(bucket).ifPresent(p -> problem("s3-bucket", "'" + bucket + "' " + p));
    }
    String key = value("s3-key", o.s3Key);
    if (key != null) {
      S3Names.keyProblem(key).ifPresent(p -> problem("s3-key", p));
    }
    String description = value("version-description", o.versionDescription);
    if (description != null && description.length() > 200) {
      problem("version-description", "is " + description.length() + " characters long; the limit is 200");
    }
    if (description == null) {
      description = action.runUrl().map(u -> u.length() > 200 ? u.substring(0, 200) : u).orElse(null);
    }
    HealthCheckSettings health = healthCheck(o);
    Set<String> accepted = acceptedHealth(value("accepted-health", o.acceptedHealth));
    Duration waitTimeout = duration("wait-timeout", o.waitTimeout, Duration.ofSeconds(1), MAX_WAIT_TIMEOUT);
    Duration poll = duration("poll-interval", o.pollInterval, Duration.ofSeconds(1), Duration.ofMinutes(5));
    Duration drain = duration("drain-time", o.drainTime, Duration.ZERO, Duration.ofHours(1));
    boolean rollback = bool("rollback-on-failure", o.rollbackOnFailure);
    boolean promote = bool("promote", o.promote);
    boolean terminate = bool("terminate-standby", o.terminateStandby);
    boolean keepTemporary = bool("keep-temporary", o.keepTemporary);
    int keepVersions = integer("keep-versions", o.keepVersions, 0, 1000);
    boolean dryRun = bool("dry-run", o.dryRun);
    String region = region(value("aws-region", o.awsRegion));
    roleToAssume(value("role-to-assume", o.roleToAssume));
    String session = value("role-session-name", o.roleSessionName);
    if (session == null) {
      session = defaultOf("role-session-name");
    }
    if (!SESSION_NAME.matcher(session).matches()) {
      problem("role-session-name", "'" + session + "' must be 2 to 64 letters, digits or +=,.@_-");
    }
    if (!problems.isEmpty()) {
      return new Parsed(null, List.copyOf(problems), productionMissing, List.of());
    }
    List<String> warnings = new ArrayList<>();
    if (strategy == Strategy.CLONE) {
      if (!promote) {
        warnings.add("promote: false has no effect with strategy clone (the clone strategy always ends with the new version "
            + "live); use strategy swap to test a version before promoting it");
      }
      if (terminate) {
        warnings.add("terminate-standby has no effect with strategy clone (the clone is always terminated; see keep-temporary)");
      }
    } else if (keepTemporary) {
      warnings.add("keep-temporary has no effect with strategy swap");
    }
    if (terminate && !promote) {
      warnings.add("terminate-standby has no effect with promote: false (nothing is swapped, so nothing is retired)");
    }
    String runId = action.runId().orElse(UUID.randomUUID().toString().substring(0, 8));
    DeploymentRequest request = new DeploymentRequest(command, application, blue, green, strategy, production, label, bundle,
        bucket, key, description, health, accepted, waitTimeout, poll, drain,
        rollback, promote, terminate, keepTemporary, keepVersions, dryRun, region, runId, action.runUrl().orElse(null));
    return new Parsed(request, List.of(), false, List.copyOf(warnings));
  }

  /** The role to assume, validated; empty when not set. */
  public Optional<String> roleToAssume(InputOptions o) {
    return Optional.ofNullable(value("role-to-assume", o.roleToAssume));
  }

  public String roleSessionName(InputOptions o) {
    String v = value("role-session-name", o.roleSessionName);
    return v == null ? defaultOf("role-session-name") : v;
  }

  private void roleToAssume(String arn) {
    if (arn == null) {
      return;
    }
    if (!ROLE_ARN.matcher(arn).matches()) {
      problem("role-to-assume", "'" + arn + "' is not an IAM role ARN (arn:aws:iam::123456789012:role/name)");
    }
    if (action.oidc().isEmpty()) {
      problem("role-to-assume", "needs the job's OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN are not set: add "
          + "'permissions: id-token: write' to the job (a job-level permissions block replaces the workflow's)");
    }
  }

  private HealthCheckSettings healthCheck(InputOptions o) {
    String scheme = choiceText("health-check-scheme", o.healthCheckScheme, List.of("http", "https"));
    String path = orDefault("health-check-path", o.healthCheckPath);
    if (!path.startsWith("/")) {
      problem("health-check-path", "'" + path + "' must start with /");
    } else if (!URL_PATH.matcher(path).matches()) {
      problem("health-check-path", "'" + path + "' is not a URL path and query: characters other than letters, digits "
          + "and -._~!$&'()*+,;=:@/? must be percent-encoded (a space is %20), and there is no #fragment");
    }
    String statusSpec = orDefault("health-check-status", o.healthCheckStatus);
    Optional<StatusMatcher> statuses = StatusMatcher.parse(statusSpec);
    if (statuses.isEmpty()) {
      problem("health-check-status", "'" + statusSpec + "' is not a list of statuses such as 200,204 or 2xx or 200-399");
    }
    Duration timeout = duration("health-check-timeout", o.healthCheckTimeout, Duration.ofSeconds(1), Duration.ofMinutes(5));
    int successes = integer("health-check-successes", o.healthCheckSuccesses, 1, 100);
    Duration maxWait = duration("health-check-max-wait", o.healthCheckMaxWait, Duration.ofSeconds(1), Duration.ofHours(1));
    String contains = value("health-check-contains", o.healthCheckContains);
    if (contains != null && contains.getBytes(StandardCharsets.UTF_8).length > HealthCheckSettings.MAX_CONTAINS_BYTES) {
      problem("health-check-contains", "is " + contains.getBytes(StandardCharsets.UTF_8).length + " bytes long; the limit "
          + "is " + HealthCheckSettings.MAX_CONTAINS_BYTES + " (the check reads the first "
          + HealthCheckSettings.MAX_BODY_BYTES / 1024 + " KiB of the body)");
    }
    return new HealthCheckSettings(scheme, path, statuses.orElse(null), contains, timeout, successes, maxWait);
  }

  private Set<String> acceptedHealth(String raw) {
    String spec = raw == null ? defaultOf("accepted-health") : raw;
    Set<String> colours = new LinkedHashSet<>();
    for (String part : spec.split(",")) {
      String p = part.trim();
      Optional<String> colour = COLOURS.stream().filter(c -> c.equalsIgnoreCase(p)).findFirst();
      if (colour.isEmpty()) {
        problem("accepted-health", "'" + p + "' is not a health colour; use " + String.join(", ", COLOURS));
      } else {
        colours.add(colour.get());
      }
    }
    return colours;
  }

  /** aws-region, else AWS_REGION, else AWS_DEFAULT_REGION; null when none is set. */
  static String regionOf(String input, Map<String, String> env) {
    String given = blankToNull(input);
    return given != null ? given : Optional.ofNullable(blankToNull(env.get("AWS_REGION")))
        .orElse(blankToNull(env.get("AWS_DEFAULT_REGION")));
  }

  private String region(String input) {
    String region = regionOf(input, env);
    if (region == null) {
      problems.add("aws-region: not set, and neither is AWS_REGION nor AWS_DEFAULT_REGION; set aws-region");
      return null;
    }
    if (!REGION.matcher(region).matches()) {
      problem("aws-region", "'" + region + "' is not a region name such as us-east-1");
    }
    return region;
  }

  /**
   * The bundle, checked now so that every problem is reported with the others. In GitHub Actions it
   * must come from GITHUB_WORKSPACE; elsewhere a relative path must stay in the working directory.
   */
  private SourceBundle bundle(String raw) {
    if (raw == null || InputText.problem(raw).isPresent()) {
      return null;
    }
    Path base = action.workspace().orElse(workDir);
    boolean confined = action.isActions() || action.workspace().isPresent() || !Path.of(raw).isAbsolute();
    SourceBundle.Inspection inspection = SourceBundle.inspect(raw, base, confined);
    inspection.problems().forEach(p -> problem("source-bundle", p));
    return inspection.bundle().orElse(null);
  }

  private String environmentName(String input, String raw) {
    String name = required(input, raw);
    if (name != null && !ENV_NAME.matcher(name).matches()) {
      problem(input, "'" + name + "' must be 4 to 40 letters, digits and hyphens, not starting or ending with a hyphen");
    }
    return name;
  }

  private String required(String input, String raw) {
    String v = value(input, raw);
    if (v == null) {
      problems.add(input + ": required");
    }
    return v;
  }

  private <T> T choice(String input, String raw, T[] values, Function<T, String> name) {
    String v = orDefault(input, raw).toLowerCase(Locale.ROOT);
    for (T t : values) {
      if (name.apply(t).equals(v)) {
        return t;
      }
    }
    problem(input, "'" + raw + "' is not one of " + String.join(", ", java.util.Arrays.stream(values).map(name).toList()));
    return values[0];
  }

  private String choiceText(String input, String raw, List<String> allowed) {
    String v = orDefault(input, raw).toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      problem(input, "'" + raw + "' is not one of " + String.join(", ", allowed));
      return allowed.get(0);
    }
    return v;
  }

  private Duration duration(String input, String raw, Duration min, Duration max) {
    String v = orDefault(input, raw);
    Optional<Duration> d = Durations.parse(v);
    if (d.isEmpty()) {
      problem(input, "'" + v + "' is not a duration between " + Durations.format(min) + " and " + Durations.format(max)
          + "; write 90s, 5m, 1h or plain seconds");
      return min;
    }
    if (d.get().compareTo(min) < 0 || d.get().compareTo(max) > 0) {
      problem(input, "'" + v + "' must be between " + Durations.format(min) + " and " + Durations.format(max));
    }
    return d.get();
  }

  private int integer(String input, String raw, int min, int max) {
    String v = orDefault(input, raw);
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        problem(input, "'" + v + "' must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      problem(input, "'" + v + "' is not a whole number");
      return min;
    }
  }

  private boolean bool(String input, String raw) {
    String v = orDefault(input, raw);
    if (TRUE.contains(v)) {
      return true;
    }
    if (FALSE.contains(v)) {
      return false;
    }
    problem(input, "'" + v + "' is not a boolean; use true or false");
    return false;
  }

  private String orDefault(String input, String raw) {
    String v = value(input, raw);
    return v == null ? defaultOf(input) : v;
  }

  private static String defaultOf(String input) {
    return Inputs.named(input).map(Inputs.Input::defaultValue).orElseThrow();
  }

  /** The trimmed value, or null when unset; a value that is not one line of text is a problem. */
  private String value(String input, String raw) {
    String v = blankToNull(raw);
    if (v != null) {
      InputText.problem(v).ifPresent(p -> problem(input, p));
    }
    return v;
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v.trim();
  }

  private void problem(String input, String message) {
    String p = input + ": " + message;
    if (!problems.contains(p)) {
      problems.add(p);
    }
  }
}
