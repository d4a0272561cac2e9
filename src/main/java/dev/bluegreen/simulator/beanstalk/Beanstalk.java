package dev.bluegreen.simulator.beanstalk;

import dev.bluegreen.simulator.beanstalk.SimEnvironment.OptionSetting;
import dev.bluegreen.simulator.core.Account;
import dev.bluegreen.simulator.core.ApiError;
import dev.bluegreen.simulator.core.Scheduler;
import dev.bluegreen.simulator.s3.S3;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Elastic Beanstalk's state and operations: applications, versions, configuration templates,
 * environments, their events and lifecycle. Operations take and return domain values and throw
 * {@link ApiError} with the service's codes and messages; {@link EbApi} is the wire format. Every
 * operation holds the account lock ({@link Scheduler}), so what one request or transition changes
 * is seen whole.
 *
 * <p>This class holds the environments and the lookups all parts share, and is what the rest of the
 * simulator sees. The operations live in {@link Applications} (applications, versions, templates),
 * {@link Lifecycle} (launching and terminating environments), {@link Updates} (changing running
 * ones), {@link Health}, {@link Events} and {@link Tags}.
 */
public final class Beanstalk {

  /** An operation that ran to its end: what it was, on which environment, from when to when. */
  public record Operation(String name, String environment, Instant started, Instant ended) {
    public Duration duration() {
      return Duration.between(started, ended);
    }
  }

  final Scheduler scheduler;
  final Account account;
  final Timings timings;
  final Events events;
  final Applications applications;
  final Health health;
  final Lifecycle lifecycle;
  final Updates updates;
  final Tags tags;
  private final List<SimEnvironment> environments = new ArrayList<>();

  public Beanstalk(Scheduler scheduler, Account account, Timings timings, S3 s3) {
    this.scheduler = scheduler;
    this.account = account;
    this.timings = timings;
    this.events = new Events(scheduler, this);
    this.applications = new Applications(scheduler, this, s3);
    this.health = new Health(scheduler, applications, events);
    this.lifecycle = new Lifecycle(this);
    this.updates = new Updates(this);
    this.tags = new Tags(scheduler, this);
  }

  public String storageBucket() {
    return "elasticbeanstalk-" + account.region() + "-" + account.accountId();
  }

  /**
   * How many application versions the account may hold (DescribeAccountAttributes,
   * CreateApplicationVersion).
   */
  public void setVersionQuota(int quota) {
    applications.setVersionQuota(quota);
  }

  /** Every environment ever created, terminated ones included, for tests. */
  public List<SimEnvironment.Snapshot> environments() {
    synchronized (scheduler) {
      scheduler.settle();
      return environments.stream().map(SimEnvironment::snapshot).toList();
    }
  }

  /** The environment that is not terminated and has this name. */
  public Optional<SimEnvironment.Snapshot> environment(String name) {
    synchronized (scheduler) {
      scheduler.settle();
      return findLive(name).map(SimEnvironment::snapshot);
    }
  }

  /** Every event so far, oldest first. */
  public List<SimEvent> allEvents() {
    return events.all();
  }

  /**
   * Every operation that has ended so far (launches, deployments, swaps, terminations), in order of
   * ending.
   */
  public List<Operation> operations() {
    return lifecycle.operations();
  }

  // ---------------------------------------------------------------- seeding

  /** Seeding: the application, unless it exists. */
  public void seedApplication(String name, String description) {
    synchronized (scheduler) {
      if (applications.applications(List.of(name)).isEmpty()) {
        applications.createApplication(name, description);
      }
    }
  }

  /** CreateStorageLocation: the account's storage bucket, created if need be. */
  public String createStorageLocation() {
    return applications.createStorageLocation();
  }

  /** Seeding: a processed version of a bundle that is in S3 already. */
  public void seedVersion(
      String applicationName, String label, String description, String bucket, String key) {
    applications.createApplicationVersion(
        applicationName, label, description, bucket, key, false, true, Map.of());
  }

  /** Seeding: see {@link Lifecycle#seedEnvironment}. */
  public void seedEnvironment(
      String applicationName,
      String name,
      String cnamePrefix,
      String versionLabel,
      String tier,
      boolean withDatabase,
      Map<String, String> tags) {
    lifecycle.seedEnvironment(
        applicationName, name, cnamePrefix, versionLabel, tier, withDatabase, tags);
  }

  // ---------------------------------------------------------------- for the applications behind
  // the CNAMEs

  /**
   * Every environment ever created, in order of creation: the live records, to read under the
   * account lock.
   */
  public List<SimEnvironment> environmentRecords() {
    return Collections.unmodifiableList(environments);
  }

  /** The environment that is not terminated and has this name; call under the account lock. */
  public Optional<SimEnvironment> findLive(String name) {
    return environments.stream().filter(e -> e.name.equals(name) && !e.isTerminated()).findFirst();
  }

  /** How the version the environment runs behaves; call under the account lock. */
  public Behaviour behaviourOf(SimEnvironment env) {
    return health.behaviourOf(env);
  }

  /**
   * True once the running version has degraded ({@link Behaviour#redAfterSeconds()}); call under
   * the account lock.
   */
  public boolean degraded(SimEnvironment env) {
    return health.degraded(env);
  }

  /** Fault injection: makes the environment's health checks fail ({@code true}) or stop failing. */
  public void forceRed(SimEnvironment env, boolean red) {
    synchronized (scheduler) {
      health.forceRed(env, red);
    }
  }

  // ---------------------------------------------------------------- environments

  void add(SimEnvironment env) {
    environments.add(env);
  }

  /** Environments as DescribeEnvironments lists them: recently terminated ones included. */
  List<SimEnvironment> describeEnvironments(
      String applicationName,
      Collection<String> names,
      Collection<String> ids,
      String versionLabel,
      Boolean includeDeleted,
      Instant deletedBackTo) {
    synchronized (scheduler) {
      scheduler.settle();
      Instant now = scheduler.now();
      List<SimEnvironment> out = new ArrayList<>();
      for (SimEnvironment e : environments) {
        if (applicationName != null && !applicationName.equals(e.applicationName)) {
          continue;
        }
        if (!names.isEmpty() && !names.contains(e.name)) {
          continue;
        }
        if (!ids.isEmpty() && !ids.contains(e.id)) {
          continue;
        }
        if (versionLabel != null && !versionLabel.equals(e.versionLabel)) {
          continue;
        }
        if (e.isTerminated()) {
          boolean lingering = e.terminatedAt.plus(timings.terminatedVisibleFor()).isAfter(now);
          boolean wanted =
              Boolean.TRUE.equals(includeDeleted)
                  ? deletedBackTo == null || !e.terminatedAt.isBefore(deletedBackTo)
                  : includeDeleted == null && lingering;
          if (!wanted) {
            continue;
          }
        }
        out.add(e);
      }
      return out;
    }
  }

  SimEnvironment liveByNameOrId(String name, String id) {
    if (name == null && id == null) {
      throw ApiError.missingParameter("Either EnvironmentName or EnvironmentId must be specified.");
    }
    if (id != null) {
      return liveById(id);
    }
    return findLive(name)
        .orElseThrow(
            () ->
                ApiError.invalidParameter(
                    "No Environment found for EnvironmentName = '" + name + "'."));
  }

  SimEnvironment liveById(String id) {
    return environments.stream()
        .filter(e -> e.id.equals(id) && !e.isTerminated())
        .findFirst()
        .orElseThrow(
            () ->
                ApiError.invalidParameter(
                    "No Environment found for EnvironmentId = '" + id + "'."));
  }

  /** The name of the environment with this id, terminated or not. */
  Optional<String> nameOfId(String id) {
    return environments.stream().filter(e -> e.id.equals(id)).map(e -> e.name).findFirst();
  }

  static void requireReady(SimEnvironment env) {
    if (!"Ready".equals(env.status)) {
      throw ApiError.invalidParameter(
          "Environment named "
              + env.name
              + " is in an invalid state for this operation. Must be Ready.");
    }
  }

  String fullyQualifiedCname(String prefix) {
    return prefix + "." + account.region() + ".elasticbeanstalk.com";
  }

  boolean cnameAvailable(String prefix) {
    synchronized (scheduler) {
      scheduler.settle();
      checkLength("cNAMEPrefix", prefix, 4, 63);
      String wanted = fullyQualifiedCname(prefix).toLowerCase(Locale.ROOT);
      return environments.stream()
          .noneMatch(e -> !e.isTerminated() && e.cname != null && e.cname.equalsIgnoreCase(wanted));
    }
  }

  List<OptionSetting> configurationOf(String applicationName, String environmentName) {
    synchronized (scheduler) {
      scheduler.settle();
      applications.application(applicationName);
      SimEnvironment env =
          findLive(environmentName)
              .filter(e -> e.applicationName.equals(applicationName))
              .orElseThrow(
                  () ->
                      ApiError.invalidParameter(
                          "No Environment found for EnvironmentName = '" + environmentName + "'."));
      return List.copyOf(env.optionSettings);
    }
  }

  SimEnvironment liveEnvironment(String name, String id) {
    synchronized (scheduler) {
      scheduler.settle();
      return liveByNameOrId(name, id);
    }
  }

  // ---------------------------------------------------------------- shared

  String arn(String resource) {
    return "arn:aws:elasticbeanstalk:"
        + account.region()
        + ":"
        + account.accountId()
        + ":"
        + resource;
  }

  static void checkLength(String member, String value, int min, int max) {
    if (value == null) {
      throw ApiError.validation(
          "1 validation error detected: Value null at '"
              + member
              + "' failed to satisfy constraint: Member must not be null");
    }
    if (value.length() < min) {
      throw ApiError.validation(
          "1 validation error detected: Value '"
              + value
              + "' at '"
              + member
              + "' failed to satisfy constraint: Member must have length greater than or equal to "
              + min);
    }
    if (value.length() > max) {
      throw ApiError.validation(
          "1 validation error detected: Value '"
              + value
              + "' at '"
              + member
              + "' failed to satisfy constraint: Member must have length less than or equal to "
              + max);
    }
  }
}
