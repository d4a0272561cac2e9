package dev.bluegreen.simulator;

import dev.bluegreen.simulator.SimEnvironment.OptionSetting;
import dev.bluegreen.simulator.core.Account;
import dev.bluegreen.simulator.core.ApiError;
import dev.bluegreen.simulator.core.Scheduler;
import dev.bluegreen.simulator.s3.S3;
import dev.bluegreen.simulator.s3.S3Object;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The state of the simulated account: Elastic Beanstalk applications, versions, templates,
 * environments and events, the S3 buckets, and credentials handed out by STS. Operations take and
 * return domain values and throw {@link ApiError} with the service's real codes and messages; the
 * wire formats live in {@link EbApi}, {@link S3Api} and {@link StsApi}.
 *
 * <p>Time comes from an injected clock. Lifecycle transitions are scheduled at instants and applied
 * lazily, in order and stamped with their own instant, whenever the state is next looked at, so a
 * controlled clock can jump over minutes at once.
 */
public final class Cloud {

  static final String NAMESPACE_ENV_VARS = "aws:elasticbeanstalk:application:environment";
  private static final Pattern ENV_NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]$");

  private final Scheduler scheduler;
  private final Account account;
  private final Timings timings;
  private final Map<String, SimApplication> applications = new LinkedHashMap<>();
  private final List<SimEnvironment> environments = new ArrayList<>();
  private final List<SimEvent> events = new ArrayList<>();
  private final S3 s3;
  private final List<Operation> operations = new ArrayList<>();

  /** An operation that ran to its end: what it was, on which environment, from when to when. */
  public record Operation(String name, String environment, Instant started, Instant ended) {
    public Duration duration() {
      return Duration.between(started, ended);
    }
  }
  private int versionQuota = 1000;

  public Cloud(Scheduler scheduler, Account account, Timings timings, S3 s3) {
    this.scheduler = scheduler;
    this.account = account;
    this.timings = timings;
    this.s3 = s3;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  public String region() {
    return account.region();
  }

  public String accountId() {
    return account.accountId();
  }

  public void setVersionQuota(int quota) {
    synchronized (scheduler) {
      this.versionQuota = quota;
    }
  }

  int versionQuota() {
    synchronized (scheduler) {
      return versionQuota;
    }
  }

  public String storageBucket() {
    return "elasticbeanstalk-" + region() + "-" + accountId();
  }

  // ---------------------------------------------------------------- time

  Instant now() {
    return scheduler.now();
  }

  /** Applies every scheduled transition that is due, in order. */
  public void settle() {
    scheduler.settle();
  }

  private Runnable schedule(Duration after, Runnable action) {
    return scheduler.schedule(after, action);
  }

  private Duration vary(Duration base) {
    double factor = 1 + (account.nextDouble() * 2 - 1) * timings.jitter();
    return Duration.ofNanos(Math.max(0, Math.round(base.toNanos() * factor)));
  }

  private static Duration fraction(Duration d, double f) {
    return Duration.ofNanos(Math.round(d.toNanos() * f));
  }

  /** Every operation that has ended so far (launches, deployments, swaps, terminations), in order of ending. */
  public List<Operation> operations() {
    synchronized (scheduler) {
      settle();
      return List.copyOf(operations);
    }
  }

  private void ended(String name, SimEnvironment env, Instant started) {
    operations.add(new Operation(name, env.name, started, now()));
  }

  // ---------------------------------------------------------------- ids

  String newRequestId() {
    return account.newRequestId();
  }

  private String alnum(int n) {
    return account.alnum(n);
  }

  private String upperAlnum(int n) {
    return alnum(n).toUpperCase();
  }

  private String arn(String resource) {
    return "arn:aws:elasticbeanstalk:" + region() + ":" + accountId() + ":" + resource;
  }

  // ---------------------------------------------------------------- events

  private void event(SimEnvironment env, String requestId, String severity, String message) {
    events.add(new SimEvent(now(), env.applicationName, env.name, env.versionLabel, null, requestId, severity, message));
  }

  /** Events matching every given filter (nulls ignored), newest first. */
  List<SimEvent> events(String application, String environmentName, String environmentId, String versionLabel,
      String requestId, String minSeverity, Instant startTime, Instant endTime) {
    synchronized (scheduler) {
      settle();
      String nameOfId = null;
      if (environmentId != null) {
        nameOfId = environments.stream().filter(e -> e.id.equals(environmentId)).map(e -> e.name).findFirst().orElse("\0");
      }
      List<String> severities = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
      int min = minSeverity == null ? 0 : Math.max(0, severities.indexOf(minSeverity));
      List<SimEvent> out = new ArrayList<>();
      for (int i = events.size() - 1; i >= 0; i--) {
        SimEvent e = events.get(i);
        if ((application == null || application.equals(e.applicationName()))
            && (environmentName == null || environmentName.equals(e.environmentName()))
            && (nameOfId == null || nameOfId.equals(e.environmentName()))
            && (versionLabel == null || versionLabel.equals(e.versionLabel()))
            && (requestId == null || requestId.equals(e.requestId()))
            && severities.indexOf(e.severity()) >= min
            && (startTime == null || !e.date().isBefore(startTime))
            && (endTime == null || e.date().isBefore(endTime))) {
          out.add(e);
        }
      }
      return out;
    }
  }

  /** Every event so far, oldest first. */
  public List<SimEvent> allEvents() {
    synchronized (scheduler) {
      settle();
      return List.copyOf(events);
    }
  }

  // ---------------------------------------------------------------- applications and versions

  SimApplication createApplication(String name, String description) {
    synchronized (scheduler) {
      settle();
      checkLength("applicationName", name, 1, 100);
      if (applications.containsKey(name)) {
        throw ApiError.invalidParameter("Application " + name + " already exists.");
      }
      SimApplication app = new SimApplication(name, arn("application/" + name), description, now());
      applications.put(name, app);
      return app;
    }
  }

  List<SimApplication> applications(Collection<String> names) {
    synchronized (scheduler) {
      settle();
      return applications.values().stream().filter(a -> names.isEmpty() || names.contains(a.name)).toList();
    }
  }

  SimApplication application(String name) {
    SimApplication app = applications.get(name);
    if (app == null) {
      throw ApiError.invalidParameter("No Application named '" + name + "' found.");
    }
    return app;
  }

  String createStorageLocation() {
    synchronized (scheduler) {
      settle();
      s3.createBucket(storageBucket());
      return storageBucket();
    }
  }

  SimVersion createApplicationVersion(String applicationName, String label, String description,
      String bucket, String key, boolean autoCreate, boolean process, Map<String, String> tags) {
    synchronized (scheduler) {
      settle();
      checkLength("applicationName", applicationName, 1, 100);
      checkLength("versionLabel", label, 1, 100);
      if (description != null) {
        checkLength("description", description, 0, 200);
      }
      if (!applications.containsKey(applicationName) && autoCreate) {
        createApplication(applicationName, null);
      }
      SimApplication app = application(applicationName);
      if (app.versions.containsKey(label)) {
        throw ApiError.invalidParameter("Application Version " + label + " already exists.");
      }
      long total = applications.values().stream().mapToLong(a -> a.versions.size()).sum();
      if (total >= versionQuota) {
        throw new ApiError(400, "TooManyApplicationVersionsException", "You cannot have more than " + versionQuota
            + " Application Versions. Either remove some Application Versions or request a limit increase.");
      }
      Behaviour behaviour = Behaviour.HEALTHY;
      if (bucket != null || key != null) {
        S3Object object = s3.object(bucket, key).orElse(null);
        if (object == null) {
          // Text as the service words it for a bundle it cannot read.
          throw ApiError.invalidParameter("Unable to download from S3 location (Bucket: " + bucket + " Key: " + key
              + "). Reason: Not Found");
        }
        behaviour = Behaviour.fromBundle(object.data());
      }
      SimVersion version = new SimVersion(applicationName, label, arn("applicationversion/" + applicationName + "/" + label),
          description, bucket, key, now(), behaviour, process ? "Processed" : "Unprocessed");
      version.tags.putAll(tags);
      app.versions.put(label, version);
      return version;
    }
  }

  List<SimVersion> versions(String applicationName, Collection<String> labels) {
    synchronized (scheduler) {
      settle();
      List<SimVersion> out = new ArrayList<>();
      for (SimApplication app : applications.values()) {
        if (applicationName != null && !app.name.equals(applicationName)) {
          continue;
        }
        List<SimVersion> newestFirst = new ArrayList<>(app.versions.values());
        java.util.Collections.reverse(newestFirst);
        for (SimVersion v : newestFirst) {
          if (labels.isEmpty() || labels.contains(v.label)) {
            out.add(v);
          }
        }
      }
      return out;
    }
  }

  void deleteApplicationVersion(String applicationName, String label, boolean deleteSourceBundle) {
    synchronized (scheduler) {
      settle();
      SimApplication app = application(applicationName);
      SimVersion version = app.versions.get(label);
      if (version == null) {
        throw ApiError.invalidParameter("No Application Version named '" + label + "' found.");
      }
      List<String> users = environments.stream()
          .filter(e -> !e.isTerminated() && e.applicationName.equals(applicationName)
              && (label.equals(e.versionLabel) || label.equals(e.runningVersion)))
          .map(e -> e.name).toList();
      if (!users.isEmpty()) {
        throw ApiError.invalidParameter("Unable to delete application version " + label
            + " because it is being used by environment(s): " + String.join(", ", users) + ".");
      }
      app.versions.remove(label);
      if (deleteSourceBundle && version.s3Bucket != null) {
        s3.deleteObject(version.s3Bucket, version.s3Key);
      }
    }
  }

  // ---------------------------------------------------------------- configuration templates

  SimTemplate createConfigurationTemplate(String applicationName, String templateName, String environmentId,
      String solutionStackName, String description) {
    synchronized (scheduler) {
      settle();
      SimApplication app = application(applicationName);
      checkLength("templateName", templateName, 1, 100);
      if (app.templates.containsKey(templateName)) {
        throw ApiError.invalidParameter("Configuration Template " + templateName + " already exists.");
      }
      SimTemplate template;
      if (environmentId != null) {
        SimEnvironment env = liveById(environmentId);
        requireReady(env);
        template = new SimTemplate(applicationName, templateName, description, env.solutionStackName, env.platformArn, now(),
            List.copyOf(env.optionSettings));
      } else if (solutionStackName != null) {
        template = new SimTemplate(applicationName, templateName, description, solutionStackName, null, now(), List.of());
      } else {
        throw ApiError.combination("Configuration template must specify a SolutionStackName, PlatformArn, "
            + "SourceConfiguration or EnvironmentId.");
      }
      app.templates.put(templateName, template);
      return template;
    }
  }

  void deleteConfigurationTemplate(String applicationName, String templateName) {
    synchronized (scheduler) {
      settle();
      SimApplication app = application(applicationName);
      if (app.templates.remove(templateName) == null) {
        throw ApiError.invalidParameter("No Configuration Template named '" + applicationName + "/" + templateName + "' found.");
      }
    }
  }

  Optional<SimTemplate> template(String applicationName, String templateName) {
    synchronized (scheduler) {
      return Optional.ofNullable(application(applicationName).templates.get(templateName));
    }
  }

  // ---------------------------------------------------------------- environments

  /** Environments as DescribeEnvironments lists them: recently terminated ones included. */
  List<SimEnvironment> describeEnvironments(String applicationName, Collection<String> names,
      Collection<String> ids, String versionLabel, Boolean includeDeleted, Instant deletedBackTo) {
    synchronized (scheduler) {
      settle();
      Instant now = now();
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
          boolean wanted = Boolean.TRUE.equals(includeDeleted)
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

  /** Every environment ever created, terminated ones included, for tests. */
  public List<SimEnvironment.Snapshot> environments() {
    synchronized (scheduler) {
      settle();
      return environments.stream().map(SimEnvironment::snapshot).toList();
    }
  }

  /** The environment that is not terminated and has this name. */
  public Optional<SimEnvironment.Snapshot> environment(String name) {
    synchronized (scheduler) {
      settle();
      return findLive(name).map(SimEnvironment::snapshot);
    }
  }

  private Optional<SimEnvironment> findLive(String name) {
    return environments.stream().filter(e -> e.name.equals(name) && !e.isTerminated()).findFirst();
  }

  SimEnvironment liveByNameOrId(String name, String id) {
    if (name == null && id == null) {
      throw ApiError.missingParameter("Either EnvironmentName or EnvironmentId must be specified.");
    }
    if (id != null) {
      return liveById(id);
    }
    return findLive(name).orElseThrow(() ->
        ApiError.invalidParameter("No Environment found for EnvironmentName = '" + name + "'."));
  }

  private SimEnvironment liveById(String id) {
    return environments.stream().filter(e -> e.id.equals(id) && !e.isTerminated()).findFirst().orElseThrow(() ->
        ApiError.invalidParameter("No Environment found for EnvironmentId = '" + id + "'."));
  }

  private static void requireReady(SimEnvironment env) {
    if (!"Ready".equals(env.status)) {
      throw ApiError.invalidParameter("Environment named " + env.name + " is in an invalid state for this operation. Must be Ready.");
    }
  }

  private String fullCname(String prefix) {
    return prefix + "." + region() + ".elasticbeanstalk.com";
  }

  boolean cnameAvailable(String prefix) {
    synchronized (scheduler) {
      settle();
      checkLength("cNAMEPrefix", prefix, 4, 63);
      String wanted = fullCname(prefix).toLowerCase();
      return environments.stream().noneMatch(e -> !e.isTerminated() && e.cname != null && e.cname.equalsIgnoreCase(wanted));
    }
  }

  String fullyQualifiedCname(String prefix) {
    return fullCname(prefix);
  }

  /** CreateEnvironment. Returns the new environment and the request id its events carry. */
  SimEnvironment createEnvironment(CreateEnvironment req, String requestId) {
    synchronized (scheduler) {
      settle();
      checkLength("environmentName", req.environmentName(), 4, 40);
      if (!ENV_NAME.matcher(req.environmentName()).matches()) {
        throw ApiError.invalidParameter("Environment name " + req.environmentName() + " is invalid. Valid names contain only "
            + "letters, numbers and hyphens, and cannot start or end with a hyphen.");
      }
      if (req.cnamePrefix() != null) {
        checkLength("cNAMEPrefix", req.cnamePrefix(), 4, 63);
      }
      SimApplication app = application(req.applicationName());
      if (findLive(req.environmentName()).isPresent()) {
        throw ApiError.invalidParameter("Environment " + req.environmentName() + " already exists.");
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
          throw ApiError.combination("You cannot specify both a SolutionStackName and a TemplateName.");
        }
        template = template(req.applicationName(), req.templateName()).orElseThrow(() ->
            ApiError.invalidParameter("No Configuration Template named '" + req.applicationName() + "/" + req.templateName()
                + "' found."));
      } else if (req.solutionStackName() == null && req.platformArn() == null) {
        throw ApiError.combination("You must specify a SolutionStackName, a PlatformArn or a TemplateName.");
      }
      SimVersion version = null;
      if (req.versionLabel() != null) {
        version = app.versions.get(req.versionLabel());
        if (version == null) {
          throw ApiError.invalidParameter("No Application Version named '" + req.versionLabel() + "' found.");
        }
      }
      if (req.cnamePrefix() != null && !cnameAvailable(req.cnamePrefix())) {
        throw ApiError.invalidParameter("DNS name (" + fullCname(req.cnamePrefix()) + ") is not available.");
      }
      String id = "e-" + alnum(10);
      String endpoint = "awseb-" + id.substring(0, 3) + "-" + upperAlnum(1) + "-AWSEBLoa-" + upperAlnum(12) + "-" + (100000000
          + account.nextInt(900000000)) + "." + region() + ".elb.amazonaws.com";
      SimEnvironment env = new SimEnvironment(id, req.environmentName(), req.applicationName(),
          arn("environment/" + req.applicationName() + "/" + req.environmentName()), tier,
          tier.equals("Worker") ? null : endpoint, now());
      if (tier.equals("WebServer")) {
        env.cname = req.cnamePrefix() != null ? fullCname(req.cnamePrefix())
            : fullCname(req.environmentName().toLowerCase() + ".eba-" + alnum(8));
      }
      env.solutionStackName = template != null ? template.solutionStackName() : req.solutionStackName();
      env.platformArn = template != null ? template.platformArn() : req.platformArn();
      if (env.platformArn == null && env.solutionStackName != null) {
        env.platformArn = "arn:aws:elasticbeanstalk:" + region() + "::platform/" + env.solutionStackName;
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
      environments.add(env);
      event(env, requestId, "INFO", "createEnvironment is starting.");
      Duration launch = vary(timings.launch());
      schedule(fraction(launch, 0.02), () -> {
        // Only while the launch it belongs to is still going (not after seeding finished it at once,
        // nor after a terminate during the launch).
        if ("Launching".equals(env.status)) {
          event(env, requestId, "INFO", "Using " + storageBucket() + " as Amazon S3 storage bucket for environment data.");
        }
      });
      SimVersion launched = version;
      Instant launchStarted = now();
      env.pendingOperationCancel = schedule(launch, () -> {
        finishLaunch(env, launched, requestId);
        ended("CreateEnvironment", env, launchStarted);
      });
      return env;
    }
  }

  private void finishLaunch(SimEnvironment env, SimVersion version, String requestId) {
    env.pendingOperationCancel = null;
    env.status = "Ready";
    env.dateUpdated = now();
    if (version != null && version.behaviour.deployFails()) {
      env.runningVersion = null;
      env.health = "Red";
      env.healthStatus = "Severe";
      event(env, requestId, "ERROR", "Failed to deploy application.");
      event(env, requestId, "ERROR",
          "Create environment operation is complete, but with errors. For more information, see troubleshooting documentation.");
      return;
    }
    startRunning(env, version == null ? null : version.label);
    event(env, requestId, "INFO", "Successfully launched environment: " + env.name);
    refreshHealth(env);
  }

  private static void mergeOptions(List<OptionSetting> target, List<OptionSetting> changes) {
    for (OptionSetting change : changes) {
      target.removeIf(o -> o.namespace().equals(change.namespace()) && o.optionName().equals(change.optionName())
          && java.util.Objects.equals(o.resourceName(), change.resourceName()));
      target.add(change);
    }
  }

  /** UpdateEnvironment: deploys a version or changes options (one of the two, as the service demands). */
  SimEnvironment updateEnvironment(String name, String id, String versionLabel, List<OptionSetting> options,
      List<OptionSetting> optionsToRemove, String description, String requestId) {
    synchronized (scheduler) {
      settle();
      SimEnvironment env = liveByNameOrId(name, id);
      if (versionLabel != null && (!options.isEmpty() || !optionsToRemove.isEmpty())) {
        throw ApiError.combination("Attempting to update both the release and configuration is not allowed.");
      }
      SimVersion version = null;
      if (versionLabel != null) {
        version = application(env.applicationName).versions.get(versionLabel);
        if (version == null) {
          throw ApiError.invalidParameter("No Application Version named '" + versionLabel + "' found.");
        }
      }
      requireReady(env);
      if (description != null) {
        env.description = description;
      }
      env.status = "Updating";
      env.health = "Grey";
      env.abortable = true;
      env.dateUpdated = now();
      env.previousVersionLabel = env.versionLabel;
      event(env, requestId, "INFO", "Environment update is starting.");
      Instant updateStarted = now();
      if (version != null) {
        env.versionLabel = versionLabel;
        Duration deploy = vary(timings.deploy());
        SimVersion target = version;
        schedule(fraction(deploy, 0.06), () -> event(env, requestId, "INFO", "Deploying new version to instance(s)."));
        if (version.behaviour.deployFails()) {
          schedule(fraction(deploy, 0.6), () -> event(env, requestId, "ERROR", "Failed to deploy application."));
          env.pendingOperationCancel = schedule(deploy, () -> {
            revertDeployment(env, requestId);
            ended("UpdateEnvironment", env, updateStarted);
          });
        } else {
          schedule(fraction(deploy, 0.97), () -> event(env, requestId, "INFO", "Instance deployment completed successfully."));
          env.pendingOperationCancel = schedule(deploy, () -> {
            env.pendingOperationCancel = null;
            env.status = "Ready";
            env.abortable = false;
            env.dateUpdated = now();
            startRunning(env, target.label);
            event(env, requestId, "INFO", "New application version was deployed to running EC2 instances.");
            event(env, requestId, "INFO", "Environment update completed successfully.");
            refreshHealth(env);
            ended("UpdateEnvironment", env, updateStarted);
          });
        }
      } else {
        List<OptionSetting> removals = List.copyOf(optionsToRemove);
        List<OptionSetting> changes = List.copyOf(options);
        env.pendingOperationCancel = schedule(vary(timings.configUpdate()), () -> {
          env.pendingOperationCancel = null;
          for (OptionSetting r : removals) {
            env.optionSettings.removeIf(o -> o.namespace().equals(r.namespace()) && o.optionName().equals(r.optionName()));
          }
          mergeOptions(env.optionSettings, changes);
          env.status = "Ready";
          env.abortable = false;
          env.dateUpdated = now();
          event(env, requestId, "INFO", "Successfully deployed new configuration to environment.");
          event(env, requestId, "INFO", "Environment update completed successfully.");
          refreshHealth(env);
          ended("UpdateEnvironment", env, updateStarted);
        });
      }
      return env;
    }
  }

  private void revertDeployment(SimEnvironment env, String requestId) {
    env.pendingOperationCancel = null;
    env.versionLabel = env.previousVersionLabel;
    env.status = "Ready";
    env.abortable = false;
    env.dateUpdated = now();
    event(env, requestId, "INFO", "The environment was reverted to the previous configuration setting.");
    event(env, requestId, "ERROR",
        "Update environment operation is complete, but with errors. For more information, see troubleshooting documentation.");
    refreshHealth(env);
  }

  void abortEnvironmentUpdate(String name, String id, String requestId) {
    synchronized (scheduler) {
      settle();
      SimEnvironment env = liveByNameOrId(name, id);
      if (!env.abortable || env.pendingOperationCancel == null) {
        throw ApiError.invalidParameter("Environment named " + env.name
            + " is in an invalid state for this operation. Must be pending deployment.");
      }
      env.pendingOperationCancel.run();
      env.pendingOperationCancel = null;
      env.status = "Aborting";
      env.abortable = false;
      event(env, requestId, "INFO", "Aborting environment update.");
      schedule(vary(timings.abort()), () -> {
        env.versionLabel = env.previousVersionLabel;
        env.status = "Ready";
        env.dateUpdated = now();
        event(env, requestId, "INFO", "The environment was reverted to the previous configuration setting.");
        refreshHealth(env);
      });
    }
  }

  void swapCnames(String sourceName, String sourceId, String destinationName, String destinationId,
      String requestId) {
    synchronized (scheduler) {
      settle();
      if ((sourceId != null) != (destinationId != null) && (sourceName == null || destinationName == null)) {
        throw ApiError.combination("If you specify the SourceEnvironmentId, you must specify the DestinationEnvironmentId.");
      }
      if (sourceName == null && sourceId == null || destinationName == null && destinationId == null) {
        throw ApiError.missingParameter("Both a source and a destination environment must be specified.");
      }
      SimEnvironment source = liveByNameOrId(sourceName, sourceId);
      SimEnvironment destination = liveByNameOrId(destinationName, destinationId);
      if (source == destination) {
        throw ApiError.invalidParameter("Source and destination environments must be different.");
      }
      for (SimEnvironment env : List.of(source, destination)) {
        if (!env.isWebServer()) {
          throw ApiError.invalidParameter("Worker tiers do not support a CNAME.");
        }
        requireReady(env);
      }
      String cname = source.cname;
      source.cname = destination.cname;
      destination.cname = cname;
      source.dateUpdated = now();
      destination.dateUpdated = now();
      event(source, requestId, "INFO", "swapEnvironmentCNAMEs is starting.");
      event(source, requestId, "INFO", "Swapping CNAMEs for environments '" + source.name + "' and '" + destination.name + "'.");
      Instant swapStarted = now();
      schedule(vary(timings.swap()), () -> {
        ended("SwapEnvironmentCNAMEs", source, swapStarted);
        event(source, requestId, "INFO", "'" + source.cname + "' now points to '" + source.endpointUrl + "'.");
        event(destination, requestId, "INFO", "'" + destination.cname + "' now points to '" + destination.endpointUrl + "'.");
        event(source, requestId, "INFO", "Completed swapping CNAMEs for environments '" + source.name + "' and '"
            + destination.name + "'.");
      });
    }
  }

  SimEnvironment terminateEnvironment(String name, String id, boolean forceTerminate, String requestId) {
    synchronized (scheduler) {
      settle();
      SimEnvironment env = liveByNameOrId(name, id);
      if ("Terminating".equals(env.status)) {
        throw ApiError.invalidParameter("Environment named " + env.name + " is in an invalid state for this operation. Must be Ready.");
      }
      if (("Updating".equals(env.status) || "Aborting".equals(env.status)) && !forceTerminate) {
        throw ApiError.invalidParameter("Cannot terminate environment named " + env.name + ". It is currently pending deployment.");
      }
      if (env.pendingOperationCancel != null) {
        env.pendingOperationCancel.run();
        env.pendingOperationCancel = null;
      }
      env.status = "Terminating";
      env.health = "Grey";
      env.abortable = false;
      env.dateUpdated = now();
      event(env, requestId, "INFO", "terminateEnvironment is starting.");
      Instant terminateStarted = now();
      schedule(vary(timings.terminate()), () -> {
        ended("TerminateEnvironment", env, terminateStarted);
        env.status = "Terminated";
        env.terminatedAt = now();
        env.dateUpdated = now();
        event(env, requestId, "INFO", "terminateEnvironment completed successfully.");
      });
      return env;
    }
  }

  List<OptionSetting> configurationOf(String applicationName, String environmentName) {
    synchronized (scheduler) {
      settle();
      application(applicationName);
      SimEnvironment env = findLive(environmentName).filter(e -> e.applicationName.equals(applicationName)).orElseThrow(() ->
          ApiError.invalidParameter("No Environment found for EnvironmentName = '" + environmentName + "'."));
      return List.copyOf(env.optionSettings);
    }
  }

  SimEnvironment liveEnvironment(String name, String id) {
    synchronized (scheduler) {
      settle();
      return liveByNameOrId(name, id);
    }
  }

  /**
   * Seeding: an environment that has been running for a while, Ready and Green, with a typical
   * option list. {@code withDatabase} adds the {@code aws:rds:dbinstance} options of an
   * environment-managed RDS database.
   */
  SimEnvironment seedEnvironment(String applicationName, String name, String cnamePrefix, String versionLabel,
      String tier, boolean withDatabase, Map<String, String> tags) {
    synchronized (scheduler) {
      String requestId = newRequestId();
      List<OptionSetting> options = new ArrayList<>(List.of(
          new OptionSetting("AWSEBAutoScalingGroup", "aws:autoscaling:asg", "MinSize", "1"),
          new OptionSetting("AWSEBAutoScalingGroup", "aws:autoscaling:asg", "MaxSize", "4"),
          new OptionSetting("AWSEBAutoScalingLaunchConfiguration", "aws:autoscaling:launchconfiguration", "EC2KeyName", null),
          new OptionSetting(null, "aws:elasticbeanstalk:environment", "EnvironmentType", "LoadBalanced"),
          new OptionSetting(null, "aws:elasticbeanstalk:environment", "LoadBalancerType", "application"),
          new OptionSetting(null, "aws:elasticbeanstalk:healthreporting:system", "SystemType", "enhanced"),
          new OptionSetting(null, NAMESPACE_ENV_VARS, "SPRING_PROFILES_ACTIVE", "prod"),
          new OptionSetting(null, "aws:cloudformation:template:parameter", "AppSource",
              "http://s3-" + region() + ".amazonaws.com/elasticbeanstalk-samples-" + region() + "/java-sample.zip")));
      if (withDatabase) {
        options.add(new OptionSetting("AWSEBRDSDatabase", "aws:rds:dbinstance", "DBEngine", "postgres"));
        options.add(new OptionSetting("AWSEBRDSDatabase", "aws:rds:dbinstance", "DBInstanceClass", "db.t3.micro"));
        options.add(new OptionSetting("AWSEBRDSDatabase", "aws:rds:dbinstance", "DBDeletionPolicy", "Snapshot"));
      }
      SimEnvironment env = createEnvironment(new CreateEnvironment(applicationName, name, cnamePrefix, null, tier, versionLabel,
          null, "64bit Amazon Linux 2023 v4.6.0 running Corretto 21", null, tags, options), requestId);
      if (env.pendingOperationCancel != null) {
        env.pendingOperationCancel.run();
      }
      SimVersion version = versionLabel == null ? null : application(applicationName).versions.get(versionLabel);
      finishLaunch(env, version, requestId);
      return env;
    }
  }

  // ---------------------------------------------------------------- health

  private void startRunning(SimEnvironment env, String label) {
    env.runningVersion = label;
    env.runningSince = now();
    Behaviour behaviour = behaviourOf(env);
    if (behaviour.redAfterSeconds() >= 0) {
      Instant since = env.runningSince;
      schedule(Duration.ofSeconds(behaviour.redAfterSeconds()), () -> {
        if (since.equals(env.runningSince)) {
          refreshHealth(env);
        }
      });
    }
  }

  Behaviour behaviourOf(SimEnvironment env) {
    if (env.runningVersion == null) {
      return Behaviour.HEALTHY;
    }
    SimApplication app = applications.get(env.applicationName);
    SimVersion version = app == null ? null : app.versions.get(env.runningVersion);
    return version == null ? Behaviour.HEALTHY : version.behaviour;
  }

  /** True once a version with {@code redAfterSeconds} has degraded. */
  boolean degraded(SimEnvironment env) {
    Behaviour b = behaviourOf(env);
    return b.redAfterSeconds() >= 0 && env.runningSince != null
        && !now().isBefore(env.runningSince.plusSeconds(b.redAfterSeconds()));
  }

  private void refreshHealth(SimEnvironment env) {
    if (!"Ready".equals(env.status)) {
      return;
    }
    String oldStatus = env.healthStatus;
    boolean failing = env.forcedRed || degraded(env) || behaviourOf(env).serverErrors();
    env.health = failing ? "Red" : "Green";
    env.healthStatus = failing ? "Severe" : "Ok";
    if (!oldStatus.equals(env.healthStatus)) {
      String cause = env.forcedRed ? " ELB health is failing or not available for all instances."
          : failing ? " 100.0 % of the requests are failing with HTTP 5xx." : "";
      event(env, null, failing ? "WARN" : "INFO",
          "Environment health has transitioned from " + oldStatus + " to " + env.healthStatus + "." + cause);
    }
  }

  /** Fault injection: the environment's health turns Red at {@code at}, whatever it runs. */
  public void turnRedAt(String environmentName, Instant at) {
    synchronized (scheduler) {
      settle();
      SimEnvironment env = findLive(environmentName).orElseThrow(() -> new IllegalArgumentException("no environment " + environmentName));
      Duration delay = Duration.between(now(), at);
      schedule(delay.isNegative() ? Duration.ZERO : delay, () -> {
        env.forcedRed = true;
        refreshHealth(env);
      });
      settle();
    }
  }

  /** Ends a {@link #turnRedAt} fault. */
  public void clearRed(String environmentName) {
    synchronized (scheduler) {
      settle();
      findLive(environmentName).ifPresent(env -> {
        env.forcedRed = false;
        refreshHealth(env);
      });
    }
  }

  List<String> causes(SimEnvironment env) {
    synchronized (scheduler) {
      if (env.forcedRed) {
        return List.of("ELB health is failing or not available for all instances.");
      }
      if ("Severe".equals(env.healthStatus)) {
        return List.of("100.0 % of the requests are failing with HTTP 5xx.");
      }
      return List.of();
    }
  }

  // ---------------------------------------------------------------- the applications' HTTP

  /** What a request to {@code host} gets now: routed by CNAME or load balancer name. */
  public AppResponse serve(String host) {
    synchronized (scheduler) {
      settle();
      String h = host.toLowerCase();
      SimEnvironment env = null;
      for (SimEnvironment e : environments) {
        if (e.isTerminated() && !h.equals(String.valueOf(e.endpointUrl).toLowerCase())) {
          continue;
        }
        if (h.equalsIgnoreCase(e.cname) || h.equalsIgnoreCase(e.endpointUrl)) {
          env = e;
          break;
        }
      }
      if (env == null) {
        return null;
      }
      return switch (env.status) {
        case "Terminated", "Terminating" -> new AppResponse(503, "Service Unavailable", env.name, null);
        case "Launching" -> new AppResponse(503, "Service Unavailable", env.name, null);
        default -> {
          if (env.status.equals("Ready") && "Red".equals(env.health) && env.runningVersion == null
              && behaviourOf(env) == Behaviour.HEALTHY && env.versionLabel != null) {
            yield new AppResponse(502, "Bad Gateway", env.name, null);
          }
          Behaviour b = behaviourOf(env);
          if (degraded(env)) {
            yield new AppResponse(503, "Service Unavailable", env.name, env.runningVersion);
          }
          String body = b.body() != null ? b.body()
              : env.runningVersion != null ? env.runningVersion : "Elastic Beanstalk sample application";
          yield new AppResponse(b.status(), body, env.name, env.runningVersion);
        }
      };
    }
  }

  /** The load balancer a DNS lookup of {@code cname} returns now, as a client would cache it. */
  public Optional<String> resolve(String cname) {
    synchronized (scheduler) {
      settle();
      return environments.stream().filter(e -> !e.isTerminated() && cname.equalsIgnoreCase(e.cname))
          .map(e -> e.endpointUrl).findFirst();
    }
  }

  /** An answer from a simulated application. */
  public record AppResponse(int status, String body, String environmentName, String version) {}

  // ---------------------------------------------------------------- tags

  Map<String, String> tagsOf(String arn) {
    synchronized (scheduler) {
      settle();
      return tagHolder(arn);
    }
  }

  void updateTags(String arn, Map<String, String> add, Collection<String> remove) {
    synchronized (scheduler) {
      settle();
      Map<String, String> tags = tagHolder(arn);
      for (String key : add.keySet()) {
        if (key.startsWith("elasticbeanstalk:") || key.startsWith("aws:")) {
          throw ApiError.invalidParameter("Tag key '" + key + "' is reserved.");
        }
      }
      remove.forEach(tags::remove);
      tags.putAll(add);
    }
  }

  private Map<String, String> tagHolder(String arn) {
    for (SimEnvironment e : environments) {
      if (e.arn.equals(arn) && !e.isTerminated()) {
        return e.tags;
      }
    }
    for (SimApplication a : applications.values()) {
      if (a.arn.equals(arn)) {
        return a.tags;
      }
      for (SimVersion v : a.versions.values()) {
        if (v.arn.equals(arn)) {
          return v.tags;
        }
      }
    }
    throw new ApiError(400, "ResourceNotFoundException", "Resource not found for ARN '" + arn + "'.");
  }

  // ---------------------------------------------------------------- validation

  static void checkLength(String member, String value, int min, int max) {
    if (value == null) {
      throw ApiError.validation("1 validation error detected: Value null at '" + member
          + "' failed to satisfy constraint: Member must not be null");
    }
    if (value.length() < min) {
      throw ApiError.validation("1 validation error detected: Value '" + value + "' at '" + member
          + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
    }
    if (value.length() > max) {
      throw ApiError.validation("1 validation error detected: Value '" + value + "' at '" + member
          + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
    }
  }

  /** The parameters of CreateEnvironment that the simulator understands. */
  record CreateEnvironment(
      String applicationName,
      String environmentName,
      String cnamePrefix,
      String description,
      String tierName,
      String versionLabel,
      String templateName,
      String solutionStackName,
      String platformArn,
      Map<String, String> tags,
      List<OptionSetting> optionSettings) {}
}
