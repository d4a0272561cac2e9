package dev.bluegreen.deploy;

import dev.bluegreen.beanstalk.ApplicationVersion;
import dev.bluegreen.beanstalk.BeanstalkEvent;
import dev.bluegreen.beanstalk.BeanstalkException;
import dev.bluegreen.beanstalk.BeanstalkGateway;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.beanstalk.NewEnvironment;
import dev.bluegreen.beanstalk.OptionSetting;
import dev.bluegreen.beanstalk.StoredObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Elastic Beanstalk and S3 in memory, for unit tests of the steps.
 *
 * <p>State: environments (terminated ones linger, as in EB), tags by ARN, option settings by
 * environment, application versions (newest first), configuration templates, S3 objects by bucket
 * and key, events. Every call is recorded as {@code operation(arguments)} in {@link #calls()};
 * {@link #writes()} holds only those that change something.
 *
 * <p>Operations behave as EB does, a little faster: {@code deploy} makes the environment Updating
 * and, at its next read (a DescribeEnvironments listing it), Ready/Green with the new label plus
 * the completion event; {@code terminate} makes it Terminating, then Terminated; {@code
 * createEnvironment} adds it Launching, then Ready/Green; {@code swapCnames} exchanges the CNAMEs
 * at once and emits the completion event. The outcome of the next deploy or launch can be scripted
 * ({@link #nextDeployTo}, {@link #nextLaunchOf}), any change can be scheduled for a later read
 * ({@link #atRead}), and any call can fail once ({@link #failOnce}), before or after its effect.
 */
public class FakeGateway implements BeanstalkGateway {
  public static final String APPLICATION = "app";
  public static final String STORAGE_BUCKET = "elasticbeanstalk-us-east-1-000000000000";

  /** Operations that only read; every other one is a write. */
  private static final Set<String> READS =
      Set.of(
          "environments",
          "events",
          "version",
          "versions",
          "tags",
          "optionSettings",
          "templates",
          "applicationExists",
          "storageBucket",
          "headObject");

  private final Clock clock;

  /** Every environment, terminated ones included, oldest first. */
  final List<Environment> environments = new ArrayList<>();

  private final Map<String, Map<String, String>> tags = new HashMap<>();
  private final Map<String, List<OptionSetting>> options = new HashMap<>();
  private final List<ApplicationVersion> versions = new ArrayList<>();
  private final Map<String, String> templates = new LinkedHashMap<>();
  private final Map<String, StoredObject> objects = new LinkedHashMap<>();
  private final Set<String> applications = new HashSet<>(Set.of(APPLICATION));
  private final List<BeanstalkEvent> events = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();
  private final List<NewEnvironment> launched = new ArrayList<>();
  private final List<Pending> pending = new ArrayList<>();
  private final List<DueRead> eventReadsDue = new ArrayList<>();
  private final Map<String, Deque<Failure>> failures = new HashMap<>();
  private final Map<String, Outcome> nextDeploy = new HashMap<>();
  private final Map<String, Outcome> nextLaunch = new HashMap<>();
  private final Set<String> takenPrefixes = new HashSet<>();
  private int requests;

  /** With a clock that stands at the epoch. */
  public FakeGateway() {
    this(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
  }

  /**
   * @param clock stamps events
   */
  public FakeGateway(Clock clock) {
    this.clock = clock;
  }

  /** An environment record; see {@link Envs} for more fields. */
  public static Environment env(
      String name, String cname, String status, String health, String version) {
    return Envs.named(name).cname(cname).status(status).health(health).version(version).build();
  }

  private record Outcome(UnaryOperator<Environment> change, List<String> messages) {}

  private record Failure(BeanstalkException exception, boolean afterEffect) {}

  private static final class Pending {
    final String environment;
    int reads;
    final Outcome outcome;
    final String requestId;

    Pending(String environment, int reads, Outcome outcome, String requestId) {
      this.environment = environment;
      this.reads = reads;
      this.outcome = outcome;
      this.requestId = requestId;
    }
  }

  // ---- setting up
  // ---------------------------------------------------------------------------------------------

  /** Adds the environment, or replaces the current (not terminated) one of that name. */
  public synchronized Environment put(Environment e) {
    for (int i = 0; i < environments.size(); i++) {
      Environment old = environments.get(i);
      if (old.name().equals(e.name()) && !old.isTerminated()) {
        environments.set(i, e);
        return e;
      }
    }
    environments.add(e);
    return e;
  }

  /** Adds the environment with these tags. */
  public synchronized Environment put(Environment e, Map<String, String> tagsOfIt) {
    tags.put(e.arn(), new LinkedHashMap<>(tagsOfIt));
    return put(e);
  }

  /** The current (not terminated) environment of that name, as stored now (no read is counted). */
  public synchronized Optional<Environment> current(String name) {
    return Environment.current(environments, name);
  }

  public synchronized void setOptions(String environment, OptionSetting... settings) {
    options.put(environment, List.of(settings));
  }

  /** Adds a version as the newest, with tags. */
  public synchronized ApplicationVersion addVersion(String label, Map<String, String> tagsOfIt) {
    ApplicationVersion v =
        new ApplicationVersion(
            label,
            "arn:version/" + label,
            STORAGE_BUCKET,
            APPLICATION + "/" + label + ".zip",
            clock.instant(),
            null);
    versions.add(0, v);
    tags.put(v.arn(), new LinkedHashMap<>(tagsOfIt));
    return v;
  }

  public synchronized void addTemplate(String name) {
    templates.put(name, null);
  }

  public synchronized void putObject(String bucket, String key, StoredObject object) {
    objects.put(bucket + "/" + key, object);
  }

  public synchronized void removeApplication(String application) {
    applications.remove(application);
  }

  /** A CNAME prefix someone else's environment holds: CreateEnvironment with it fails. */
  public synchronized void takePrefix(String prefix) {
    takenPrefixes.add(prefix);
  }

  /** An event now. */
  public synchronized void event(
      String environment, String requestId, String severity, String message) {
    events.add(new BeanstalkEvent(clock.instant(), environment, requestId, severity, message));
  }

  // ---- scripting
  // ----------------------------------------------------------------------------------------------

  /**
   * Changes the environment just before its {@code n}-th read from now (1: the next one) is
   * answered, emitting {@code messages} as its events (ERROR for the failure events EB sends, INFO
   * otherwise).
   */
  public synchronized void atRead(
      String environment, int n, UnaryOperator<Environment> change, String... messages) {
    pending.add(new Pending(environment, n, new Outcome(change, List.of(messages)), null));
  }

  /**
   * How the next deploy to the environment ends (at the first read after it), instead of
   * Ready/Green with the label.
   */
  public synchronized void nextDeployTo(
      String environment, UnaryOperator<Environment> outcome, String... messages) {
    nextDeploy.put(environment, new Outcome(outcome, List.of(messages)));
  }

  /**
   * How the next launch of the environment ends (at the first read after it), instead of
   * Ready/Green.
   */
  public synchronized void nextLaunchOf(
      String environment, UnaryOperator<Environment> outcome, String... messages) {
    nextLaunch.put(environment, new Outcome(outcome, List.of(messages)));
  }

  /** The next call of {@code operation} (a method name) throws, doing nothing. */
  public synchronized void failOnce(String operation, String code, int status, String message) {
    fail(operation, code, status, message, false);
  }

  /** The next call of {@code operation} does what it does, then throws: a lost response. */
  public synchronized void failOnceAfterEffect(
      String operation, String code, int status, String message) {
    fail(operation, code, status, message, true);
  }

  private void fail(
      String operation, String code, int status, String message, boolean afterEffect) {
    failures
        .computeIfAbsent(operation, o -> new ArrayDeque<>())
        .add(
            new Failure(
                new BeanstalkException(operation, code, status, message, null), afterEffect));
  }

  // ---- what happened
  // ------------------------------------------------------------------------------------------

  /** Every call, oldest first: {@code deploy(app-green, v2)}. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** The calls that change something. */
  public synchronized List<String> writes() {
    return calls.stream().filter(c -> !READS.contains(c.substring(0, c.indexOf('(')))).toList();
  }

  /** How often {@code operation} was called. */
  public synchronized long count(String operation) {
    return calls.stream().filter(c -> c.startsWith(operation + "(")).count();
  }

  /** What CreateEnvironment was asked for. */
  public synchronized List<NewEnvironment> launched() {
    return List.copyOf(launched);
  }

  public synchronized Set<String> templateNames() {
    return Set.copyOf(templates.keySet());
  }

  public synchronized Optional<StoredObject> object(String bucket, String key) {
    return Optional.ofNullable(objects.get(bucket + "/" + key));
  }

  // ---- BeanstalkGateway
  // ---------------------------------------------------------------------------------------

  private Failure call(String operation, Object... args) {
    List<String> shown = new ArrayList<>();
    for (Object a : args) {
      shown.add(String.valueOf(a));
    }
    calls.add(operation + "(" + String.join(", ", shown) + ")");
    Deque<Failure> f = failures.get(operation);
    Failure failure = f == null ? null : f.poll();
    if (failure != null && !failure.afterEffect()) {
      throw failure.exception();
    }
    return failure;
  }

  private static void after(Failure failure) {
    if (failure != null) {
      throw failure.exception();
    }
  }

  private static BeanstalkException invalid(String operation, String message) {
    return new BeanstalkException(operation, "InvalidParameterValue", 400, message, null);
  }

  private String request() {
    return "req-" + ++requests;
  }

  /** Counts one read of each named environment and applies what was scheduled for it. */
  private void read(Collection<String> names) {
    List<Pending> due = new ArrayList<>();
    for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (names.contains(p.environment) && --p.reads <= 0) {
        due.add(p);
        it.remove();
      }
    }
    for (Pending p : due) {
      Optional<Environment> now = current(p.environment);
      if (now.isPresent()) {
        put(p.outcome.change().apply(now.get()));
      }
      for (String m : p.outcome.messages()) {
        BeanstalkEvent e =
            new BeanstalkEvent(clock.instant(), p.environment, p.requestId, "INFO", m);
        event(p.environment, p.requestId, WaitRules.failureIn(e).isPresent() ? "ERROR" : "INFO", m);
      }
    }
  }

  private Environment require(String operation, String name) {
    return current(name)
        .orElseThrow(
            () -> invalid(operation, "No Environment found for EnvironmentName = '" + name + "'."));
  }

  @Override
  public synchronized List<Environment> environments(String application, Collection<String> names) {
    Failure f = call("environments", String.join(", ", names));
    read(names);
    after(f);
    return environments.stream()
        .filter(e -> names.contains(e.name()))
        .filter(e -> application == null || application.equals(e.applicationName()))
        .toList();
  }

  @Override
  public synchronized List<Environment> environments(String application) {
    Failure f = call("environments");
    read(environments.stream().map(Environment::name).toList());
    after(f);
    return List.copyOf(environments);
  }

  /** Runs {@code change} just before the {@code n}-th DescribeEvents from now is answered. */
  public synchronized void atEventsRead(int n, Consumer<FakeGateway> change) {
    eventReadsDue.add(new DueRead(n, change));
  }

  private static final class DueRead {
    int reads;
    final Consumer<FakeGateway> change;

    DueRead(int reads, Consumer<FakeGateway> change) {
      this.reads = reads;
      this.change = change;
    }
  }

  @Override
  public synchronized List<BeanstalkEvent> events(
      String application, String environmentName, String requestId, Instant since, int limit) {
    Failure f = call("events", environmentName, requestId);
    for (Iterator<DueRead> it = eventReadsDue.iterator(); it.hasNext(); ) {
      DueRead due = it.next();
      if (--due.reads <= 0) {
        it.remove();
        due.change.accept(this);
      }
    }
    after(f);
    return events.stream()
        .filter(e -> environmentName == null || environmentName.equals(e.environmentName()))
        .filter(e -> requestId == null || requestId.equals(e.requestId()))
        .filter(e -> !e.date().isBefore(since))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Optional<ApplicationVersion> version(String application, String label) {
    after(call("version", label));
    return versions.stream().filter(v -> v.label().equals(label)).findFirst();
  }

  @Override
  public synchronized List<ApplicationVersion> versions(String application) {
    after(call("versions"));
    return List.copyOf(versions);
  }

  @Override
  public synchronized Map<String, String> tags(String arn) {
    after(call("tags", arn));
    return Map.copyOf(tags.getOrDefault(arn, Map.of()));
  }

  @Override
  public synchronized List<OptionSetting> optionSettings(
      String application, String environmentName) {
    after(call("optionSettings", environmentName));
    return options.getOrDefault(environmentName, List.of());
  }

  @Override
  public synchronized List<String> templates(String application) {
    after(call("templates"));
    return List.copyOf(templates.keySet());
  }

  @Override
  public synchronized boolean applicationExists(String application) {
    after(call("applicationExists", application));
    return applications.contains(application);
  }

  @Override
  public synchronized String storageBucket() {
    after(call("storageBucket"));
    return STORAGE_BUCKET;
  }

  @Override
  public synchronized Optional<StoredObject> headObject(String bucket, String key) {
    after(call("headObject", bucket, key));
    return Optional.ofNullable(objects.get(bucket + "/" + key));
  }

  @Override
  public synchronized void upload(
      String bucket, String key, Path file, Map<String, String> metadata) {
    Failure f = call("upload", bucket, key);
    try {
      objects.put(bucket + "/" + key, new StoredObject(Files.size(file), Map.copyOf(metadata)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    after(f);
  }

  @Override
  public synchronized void createVersion(
      String application,
      String label,
      String description,
      String bucket,
      String key,
      Map<String, String> tagsOfIt) {
    Failure f = call("createVersion", label, bucket, key);
    if (versions.stream().anyMatch(v -> v.label().equals(label))) {
      throw invalid("createVersion", "Application Version " + label + " already exists.");
    }
    if (!objects.containsKey(bucket + "/" + key)) {
      throw invalid(
          "createVersion",
          "Unable to download from S3 location (Bucket: " + bucket + ", Key: " + key + ").");
    }
    ApplicationVersion v =
        new ApplicationVersion(
            label, "arn:version/" + label, bucket, key, clock.instant(), description);
    versions.add(0, v);
    tags.put(v.arn(), new LinkedHashMap<>(tagsOfIt));
    after(f);
  }

  @Override
  public synchronized void deleteVersion(String application, String label, boolean deleteBundle) {
    Failure f = call("deleteVersion", label, deleteBundle);
    if (!versions.removeIf(v -> v.label().equals(label))) {
      throw invalid("deleteVersion", "Application Version " + label + " does not exist.");
    }
    after(f);
  }

  @Override
  public synchronized String deploy(String environmentName, String versionLabel) {
    Failure f = call("deploy", environmentName, versionLabel);
    Environment env = require("deploy", environmentName);
    if (!env.isReady()) {
      throw invalid(
          "deploy",
          "Environment named "
              + environmentName
              + " is in an invalid state for this operation. Must be "
              + "Ready.");
    }
    String id = request();
    put(Envs.from(env).status("Updating").build());
    Outcome outcome = nextDeploy.remove(environmentName);
    if (outcome == null) {
      outcome =
          new Outcome(
              Envs.becomes(Environment.READY, "Green", versionLabel),
              List.of("Environment update completed successfully."));
    }
    pending.add(new Pending(environmentName, 1, outcome, id));
    after(f);
    return id;
  }

  @Override
  public synchronized String swapCnames(String environmentA, String environmentB) {
    Failure f = call("swapCnames", environmentA, environmentB);
    Environment a = require("swapCnames", environmentA);
    Environment b = require("swapCnames", environmentB);
    String id = request();
    event(
        null,
        id,
        "INFO",
        "Swapping CNAMEs for environments '" + environmentA + "' and '" + environmentB + "'.");
    put(Envs.from(a).cname(b.cname()).build());
    put(Envs.from(b).cname(a.cname()).build());
    event(
        null,
        id,
        "INFO",
        "Completed swapping CNAMEs for environments '"
            + environmentA
            + "' and '"
            + environmentB
            + "'.");
    after(f);
    return id;
  }

  @Override
  public synchronized String terminate(String environmentName) {
    Failure f = call("terminate", environmentName);
    Environment env = require("terminate", environmentName);
    String id = request();
    put(Envs.from(env).status(Environment.TERMINATING).build());
    pending.add(
        new Pending(
            environmentName,
            1,
            new Outcome(
                Envs.becomes(Environment.TERMINATED, "Grey"),
                List.of("terminateEnvironment completed successfully.")),
            id));
    after(f);
    return id;
  }

  @Override
  public synchronized void createTemplate(
      String application, String templateName, String environmentId, String description) {
    Failure f = call("createTemplate", templateName, environmentId);
    if (environments.stream().noneMatch(e -> e.id().equals(environmentId) && !e.isTerminated())) {
      throw invalid(
          "createTemplate", "No Environment found for EnvironmentId = '" + environmentId + "'.");
    }
    templates.put(templateName, environmentId);
    after(f);
  }

  @Override
  public synchronized void deleteTemplate(String application, String templateName) {
    Failure f = call("deleteTemplate", templateName);
    if (!templates.containsKey(templateName)) {
      throw invalid(
          "deleteTemplate",
          "No Configuration Template named '" + application + "/" + templateName + "' found.");
    }
    templates.remove(templateName);
    after(f);
  }

  @Override
  public synchronized Created createEnvironment(NewEnvironment spec) {
    Failure f =
        call(
            "createEnvironment",
            spec.environmentName(),
            spec.templateName(),
            spec.versionLabel(),
            spec.cnamePrefix());
    String name = spec.environmentName();
    if (current(name).isPresent()) {
      throw invalid("createEnvironment", "Environment " + name + " already exists.");
    }
    if (!templates.containsKey(spec.templateName())) {
      throw invalid(
          "createEnvironment",
          "No Configuration Template named '" + spec.templateName() + "' found.");
    }
    String prefix = spec.cnamePrefix();
    if (prefix != null
        && (takenPrefixes.contains(prefix)
            || environments.stream()
                .anyMatch(e -> !e.isTerminated() && (prefix + Envs.SUFFIX).equals(e.cname())))) {
      throw invalid(
          "createEnvironment", "DNS name (" + prefix + Envs.SUFFIX + ") is not available.");
    }
    launched.add(spec);
    String id = request();
    int n = requests;
    Environment env =
        Envs.named(name)
            .id("e-" + name + "-" + n)
            .arn("arn:" + name + ":" + n)
            .cname(prefix != null ? prefix : name + "-gen" + n)
            .status("Launching")
            .health("Grey")
            .healthStatus(null)
            .version(spec.versionLabel())
            .updated(clock.instant())
            .build();
    environments.add(env);
    tags.put(env.arn(), new LinkedHashMap<>(spec.tags()));
    Outcome outcome = nextLaunch.remove(name);
    if (outcome == null) {
      outcome =
          new Outcome(
              e ->
                  Envs.from(e).status(Environment.READY).health("Green").healthStatus("Ok").build(),
              List.of("Successfully launched environment: " + name));
    }
    pending.add(new Pending(name, 1, outcome, id));
    after(f);
    return new Created(env, id);
  }
}
