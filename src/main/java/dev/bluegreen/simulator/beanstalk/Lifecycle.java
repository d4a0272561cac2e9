package dev.bluegreen.simulator.beanstalk;

import static dev.bluegreen.simulator.beanstalk.Beanstalk.checkLength;

import dev.bluegreen.simulator.beanstalk.SimEnvironment.OptionSetting;
import dev.bluegreen.simulator.core.Account;
import dev.bluegreen.simulator.core.ApiError;
import dev.bluegreen.simulator.core.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What launches and ends environments, and the log of operations that ran to their end. Each
 * operation checks and starts now; its progress events and its end are transitions scheduled on the
 * {@link Scheduler}, with durations from {@link Timings} varied by the account's random source
 * ({@link #vary}). {@link Updates} changes running environments the same way. Every operation holds
 * the account lock.
 */
final class Lifecycle {

  private static final String NAMESPACE_ENV_VARS = "aws:elasticbeanstalk:application:environment";
  private static final Pattern ENV_NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]$");

  private final Beanstalk beanstalk;
  private final Scheduler scheduler;
  private final Account account;
  private final Timings timings;
  private final Applications applications;
  private final Events events;
  private final Health health;
  private final List<Beanstalk.Operation> operations = new ArrayList<>();

  Lifecycle(Beanstalk beanstalk) {
    this.beanstalk = beanstalk;
    this.scheduler = beanstalk.scheduler;
    this.account = beanstalk.account;
    this.timings = beanstalk.timings;
    this.applications = beanstalk.applications;
    this.events = beanstalk.events;
    this.health = beanstalk.health;
  }

  List<Beanstalk.Operation> operations() {
    synchronized (scheduler) {
      scheduler.settle();
      return List.copyOf(operations);
    }
  }

  void ended(String name, SimEnvironment env, Instant started) {
    operations.add(new Beanstalk.Operation(name, env.name, started, scheduler.now()));
  }

  Duration vary(Duration base) {
    double factor = 1 + (account.nextDouble() * 2 - 1) * timings.jitter();
    return Duration.ofNanos(Math.max(0, Math.round(base.toNanos() * factor)));
  }

  static Duration fraction(Duration d, double f) {
    return Duration.ofNanos(Math.round(d.toNanos() * f));
  }

  /** CreateEnvironment. Returns the new environment; its events carry {@code requestId}. */
  SimEnvironment createEnvironment(CreateEnvironment req, String requestId) {
    synchronized (scheduler) {
      scheduler.settle();
      checkLength("environmentName", req.environmentName(), 4, 40);
      if (!ENV_NAME.matcher(req.environmentName()).matches()) {
        throw ApiError.invalidParameter(
            "Environment name "
                + req.environmentName()
                + " is invalid. Valid names contain only "
                + "letters, numbers and hyphens, and cannot start or end with a hyphen.");
      }
      if (req.cnamePrefix() != null) {
        checkLength("cNAMEPrefix", req.cnamePrefix(), 4, 63);
      }
      SimApplication app = applications.application(req.applicationName());
      if (beanstalk.findLive(req.environmentName()).isPresent()) {
        throw ApiError.invalidParameter(
            "Environment " + req.environmentName() + " already exists.");
      }
      String tier = req.tierName() == null ? "WebServer" : req.tierName();
      if (!tier.equals("WebServer") && !tier.equals("Worker")) {
        throw ApiError.invalidParameter("Invalid tier name: " + tier);
      }
      if (tier.equals("Worker") && req.cnamePrefix() != null) {
        throw ApiError.invalidParameter("Worker tiers do not support a CNAME.");
      }
      SimTemplate template = null;
      if (req.templateName() != null) {
        if (req.solutionStackName() != null) {
          throw ApiError.combination(
              "You cannot specify both a SolutionStackName and a TemplateName.");
        }
        template =
            applications
                .template(req.applicationName(), req.templateName())
                .orElseThrow(
                    () ->
                        ApiError.invalidParameter(
                            "No Configuration Template named '"
                                + req.applicationName()
                                + "/"
                                + req.templateName()
                                + "' found."));
      } else if (req.solutionStackName() == null && req.platformArn() == null) {
        throw ApiError.combination(
            "You must specify a SolutionStackName, a PlatformArn or a TemplateName.");
      }
      SimVersion version = null;
      if (req.versionLabel() != null) {
        version = app.versions.get(req.versionLabel());
        if (version == null) {
          throw ApiError.invalidParameter(
              "No Application Version named '" + req.versionLabel() + "' found.");
        }
      }
      if (req.cnamePrefix() != null && !beanstalk.cnameAvailable(req.cnamePrefix())) {
        throw ApiError.invalidParameter(
            "DNS name ("
                + beanstalk.fullyQualifiedCname(req.cnamePrefix())
                + ") is not available.");
      }
      String id = "e-" + account.alnum(10);
      String endpoint =
          "awseb-"
              + id.substring(0, 3)
              + "-"
              + upperAlnum(1)
              + "-AWSEBLoa-"
              + upperAlnum(12)
              + "-"
              + (100000000 + account.nextInt(900000000))
              + "."
              + account.region()
              + ".elb.amazonaws.com";
      SimEnvironment env =
          new SimEnvironment(
              id,
              req.environmentName(),
              req.applicationName(),
              beanstalk.arn("environment/" + req.applicationName() + "/" + req.environmentName()),
              tier,
              tier.equals("Worker") ? null : endpoint,
              scheduler.now());
      if (tier.equals("WebServer")) {
        env.cname =
            req.cnamePrefix() != null
                ? beanstalk.fullyQualifiedCname(req.cnamePrefix())
                : beanstalk.fullyQualifiedCname(
                    req.environmentName().toLowerCase(Locale.ROOT) + ".eba-" + account.alnum(8));
      }
      env.solutionStackName =
          template != null ? template.solutionStackName() : req.solutionStackName();
      env.platformArn = template != null ? template.platformArn() : req.platformArn();
      if (env.platformArn == null && env.solutionStackName != null) {
        env.platformArn =
            "arn:aws:elasticbeanstalk:" + account.region() + "::platform/" + env.solutionStackName;
      }
      env.templateName = req.templateName();
      env.description = req.description();
      env.versionLabel = req.versionLabel();
      env.tags.putAll(req.tags());
      env.tags.put("elasticbeanstalk:environment-name", env.name);
      env.tags.put("elasticbeanstalk:environment-id", env.id);
      if (template != null) {
        env.optionSettings.addAll(template.optionSettings());
      }
      mergeOptions(env.optionSettings, req.optionSettings());
      env.abortable = false;
      beanstalk.add(env);
      events.add(env, requestId, "INFO", "createEnvironment is starting.");
      Duration launch = vary(timings.launch());
      scheduler.schedule(
          fraction(launch, 0.02),
          () -> {
            // Only while the launch it belongs to is still going (not after seeding finished it at
            // once, nor after a terminate during the launch).
            if ("Launching".equals(env.status)) {
              events.add(
                  env,
                  requestId,
                  "INFO",
                  "Using "
                      + beanstalk.storageBucket()
                      + " as Amazon S3 storage bucket for environment data.");
            }
          });
      SimVersion launched = version;
      Instant launchStarted = scheduler.now();
      env.pendingOperationCancel =
          scheduler.schedule(
              launch,
              () -> {
                finishLaunch(env, launched, requestId);
                ended("CreateEnvironment", env, launchStarted);
              });
      return env;
    }
  }

  private String upperAlnum(int n) {
    return account.alnum(n).toUpperCase(Locale.ROOT);
  }

  private void finishLaunch(SimEnvironment env, SimVersion version, String requestId) {
    env.pendingOperationCancel = null;
    env.status = "Ready";
    env.dateUpdated = scheduler.now();
    if (version != null && version.behaviour.deployFails()) {
      env.runningVersion = null;
      env.health = "Red";
      env.healthStatus = "Severe";
      events.add(env, requestId, "ERROR", "Failed to deploy application.");
      events.add(
          env,
          requestId,
          "ERROR",
          "Create environment operation is complete, but with errors. For more information, see troubleshooting documentation.");
      return;
    }
    health.startRunning(env, version == null ? null : version.label);
    events.add(env, requestId, "INFO", "Successfully launched environment: " + env.name);
    health.refresh(env);
  }

  static void mergeOptions(List<OptionSetting> target, List<OptionSetting> changes) {
    for (OptionSetting change : changes) {
      target.removeIf(
          o ->
              o.namespace().equals(change.namespace())
                  && o.optionName().equals(change.optionName())
                  && Objects.equals(o.resourceName(), change.resourceName()));
      target.add(change);
    }
  }

  SimEnvironment terminateEnvironment(
      String name, String id, boolean forceTerminate, String requestId) {
    synchronized (scheduler) {
      scheduler.settle();
      SimEnvironment env = beanstalk.liveByNameOrId(name, id);
      if ("Terminating".equals(env.status)) {
        throw ApiError.invalidParameter(
            "Environment named "
                + env.name
                + " is in an invalid state for this operation. Must be Ready.");
      }
      if (("Updating".equals(env.status) || "Aborting".equals(env.status)) && !forceTerminate) {
        throw ApiError.invalidParameter(
            "Cannot terminate environment named "
                + env.name
                + ". It is currently pending deployment.");
      }
      if (env.pendingOperationCancel != null) {
        env.pendingOperationCancel.run();
        env.pendingOperationCancel = null;
      }
      env.status = "Terminating";
      env.health = "Grey";
      env.abortable = false;
      env.dateUpdated = scheduler.now();
      events.add(env, requestId, "INFO", "terminateEnvironment is starting.");
      Instant terminateStarted = scheduler.now();
      scheduler.schedule(
          vary(timings.terminate()),
          () -> {
            ended("TerminateEnvironment", env, terminateStarted);
            env.status = "Terminated";
            env.terminatedAt = scheduler.now();
            env.dateUpdated = scheduler.now();
            events.add(env, requestId, "INFO", "terminateEnvironment completed successfully.");
          });
      return env;
    }
  }

  /**
   * Seeding: an environment that has been running for a while, Ready and Green, with a typical
   * option list. {@code withDatabase} adds the {@code aws:rds:dbinstance} options of an
   * environment-managed RDS database.
   */
  void seedEnvironment(
      String applicationName,
      String name,
      String cnamePrefix,
      String versionLabel,
      String tier,
      boolean withDatabase,
      Map<String, String> tags) {
    synchronized (scheduler) {
      String requestId = account.newRequestId();
      String region = account.region();
      List<OptionSetting> options =
          new ArrayList<>(
              List.of(
                  new OptionSetting("AWSEBAutoScalingGroup", "aws:autoscaling:asg", "MinSize", "1"),
                  new OptionSetting("AWSEBAutoScalingGroup", "aws:autoscaling:asg", "MaxSize", "4"),
                  new OptionSetting(
                      "AWSEBAutoScalingLaunchConfiguration",
                      "aws:autoscaling:launchconfiguration",
                      "EC2KeyName",
                      null),
                  new OptionSetting(
                      null, "aws:elasticbeanstalk:environment", "EnvironmentType", "LoadBalanced"),
                  new OptionSetting(
                      null, "aws:elasticbeanstalk:environment", "LoadBalancerType", "application"),
                  new OptionSetting(
                      null,
                      "aws:elasticbeanstalk:healthreporting:system",
                      "SystemType",
                      "enhanced"),
                  new OptionSetting(null, NAMESPACE_ENV_VARS, "SPRING_PROFILES_ACTIVE", "prod"),
                  new OptionSetting(
                      null,
                      "aws:cloudformation:template:parameter",
                      "AppSource",
                      "http://s3-"
                          + region
                          + ".amazonaws.com/elasticbeanstalk-samples-"
                          + region
                          + "/java-sample.zip")));
      if (withDatabase) {
        options.add(
            new OptionSetting("AWSEBRDSDatabase", "aws:rds:dbinstance", "DBEngine", "postgres"));
        options.add(
            new OptionSetting(
                "AWSEBRDSDatabase", "aws:rds:dbinstance", "DBInstanceClass", "db.t3.micro"));
        options.add(
            new OptionSetting(
                "AWSEBRDSDatabase", "aws:rds:dbinstance", "DBDeletionPolicy", "Snapshot"));
      }
      SimEnvironment env =
          createEnvironment(
              new CreateEnvironment(
                  applicationName,
                  name,
                  cnamePrefix,
                  null,
                  tier,
                  versionLabel,
                  null,
                  "64bit Amazon Linux 2023 v4.6.0 running Corretto 21",
                  null,
                  tags,
                  options),
              requestId);
      if (env.pendingOperationCancel != null) {
        env.pendingOperationCancel.run();
      }
      SimVersion version =
          versionLabel == null
              ? null
              : applications.application(applicationName).versions.get(versionLabel);
      finishLaunch(env, version, requestId);
    }
  }
}
