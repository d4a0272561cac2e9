package dev.bluegreen.simulator.beanstalk;

import static dev.bluegreen.simulator.beanstalk.Beanstalk.requireReady;
import static dev.bluegreen.simulator.beanstalk.Lifecycle.fraction;
import static dev.bluegreen.simulator.beanstalk.Lifecycle.mergeOptions;

import dev.bluegreen.simulator.beanstalk.SimEnvironment.OptionSetting;
import dev.bluegreen.simulator.core.ApiError;
import dev.bluegreen.simulator.core.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What changes running environments: UpdateEnvironment (a version or options, which
 * AbortEnvironmentUpdate can cancel while it runs) and SwapEnvironmentCNAMEs. As in {@link
 * Lifecycle}, each starts now and ends at a scheduled transition. Every operation holds the account
 * lock ({@link Scheduler}).
 */
final class Updates {

  private final Beanstalk beanstalk;
  private final Scheduler scheduler;
  private final Timings timings;
  private final Applications applications;
  private final Events events;
  private final Health health;
  private final Lifecycle lifecycle;

  Updates(Beanstalk beanstalk) {
    this.beanstalk = beanstalk;
    this.scheduler = beanstalk.scheduler;
    this.timings = beanstalk.timings;
    this.applications = beanstalk.applications;
    this.events = beanstalk.events;
    this.health = beanstalk.health;
    this.lifecycle = beanstalk.lifecycle;
  }

  /**
   * UpdateEnvironment: deploys a version or changes options (one of the two, as the service
   * demands).
   */
  SimEnvironment updateEnvironment(
      String name,
      String id,
      String versionLabel,
      List<OptionSetting> options,
      List<OptionSetting> optionsToRemove,
      String description,
      String requestId) {
    synchronized (scheduler) {
      scheduler.settle();
      SimEnvironment env = beanstalk.liveByNameOrId(name, id);
      if (versionLabel != null && (!options.isEmpty() || !optionsToRemove.isEmpty())) {
        throw ApiError.combination(
            "Attempting to update both the release and configuration is not allowed.");
      }
      SimVersion version = null;
      if (versionLabel != null) {
        version = applications.application(env.applicationName).versions.get(versionLabel);
        if (version == null) {
          throw ApiError.invalidParameter(
              "No Application Version named '" + versionLabel + "' found.");
        }
      }
      requireReady(env);
      if (description != null) {
        env.description = description;
      }
      env.status = "Updating";
      env.health = "Grey";
      env.abortable = true;
      env.dateUpdated = scheduler.now();
      env.previousVersionLabel = env.versionLabel;
      events.add(env, requestId, "INFO", "Environment update is starting.");
      Instant updateStarted = scheduler.now();
      if (version != null) {
        env.versionLabel = versionLabel;
        Duration deploy = lifecycle.vary(timings.deploy());
        SimVersion target = version;
        scheduler.schedule(
            fraction(deploy, 0.06),
            () -> events.add(env, requestId, "INFO", "Deploying new version to instance(s)."));
        if (version.behaviour.deployFails()) {
          scheduler.schedule(
              fraction(deploy, 0.6),
              () -> events.add(env, requestId, "ERROR", "Failed to deploy application."));
          env.pendingOperationCancel =
              scheduler.schedule(
                  deploy,
                  () -> {
                    revertDeployment(env, requestId);
                    lifecycle.ended("UpdateEnvironment", env, updateStarted);
                  });
        } else {
          scheduler.schedule(
              fraction(deploy, 0.97),
              () ->
                  events.add(
                      env, requestId, "INFO", "Instance deployment completed successfully."));
          env.pendingOperationCancel =
              scheduler.schedule(
                  deploy,
                  () -> {
                    env.pendingOperationCancel = null;
                    env.status = "Ready";
                    env.abortable = false;
                    env.dateUpdated = scheduler.now();
                    health.startRunning(env, target.label);
                    events.add(
                        env,
                        requestId,
                        "INFO",
                        "New application version was deployed to running EC2 instances.");
                    events.add(
                        env, requestId, "INFO", "Environment update completed successfully.");
                    health.refresh(env);
                    lifecycle.ended("UpdateEnvironment", env, updateStarted);
                  });
        }
      } else {
        List<OptionSetting> removals = List.copyOf(optionsToRemove);
        List<OptionSetting> changes = List.copyOf(options);
        env.pendingOperationCancel =
            scheduler.schedule(
                lifecycle.vary(timings.configUpdate()),
                () -> {
                  env.pendingOperationCancel = null;
                  for (OptionSetting r : removals) {
                    env.optionSettings.removeIf(
                        o ->
                            o.namespace().equals(r.namespace())
                                && o.optionName().equals(r.optionName()));
                  }
                  mergeOptions(env.optionSettings, changes);
                  env.status = "Ready";
                  env.abortable = false;
                  env.dateUpdated = scheduler.now();
                  events.add(
                      env,
                      requestId,
                      "INFO",
                      "Successfully deployed new configuration to environment.");
                  events.add(env, requestId, "INFO", "Environment update completed successfully.");
                  health.refresh(env);
                  lifecycle.ended("UpdateEnvironment", env, updateStarted);
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
    env.dateUpdated = scheduler.now();
    events.add(
        env,
        requestId,
        "INFO",
        "The environment was reverted to the previous configuration setting.");
    events.add(
        env,
        requestId,
        "ERROR",
        "Update environment operation is complete, but with errors. For more information, see troubleshooting documentation.");
    health.refresh(env);
  }

  void abortEnvironmentUpdate(String name, String id, String requestId) {
    synchronized (scheduler) {
      scheduler.settle();
      SimEnvironment env = beanstalk.liveByNameOrId(name, id);
      if (!env.abortable || env.pendingOperationCancel == null) {
        throw ApiError.invalidParameter(
            "Environment named "
                + env.name
                + " is in an invalid state for this operation. Must be pending deployment.");
      }
      env.pendingOperationCancel.run();
      env.pendingOperationCancel = null;
      env.status = "Aborting";
      env.abortable = false;
      events.add(env, requestId, "INFO", "Aborting environment update.");
      scheduler.schedule(
          lifecycle.vary(timings.abort()),
          () -> {
            env.versionLabel = env.previousVersionLabel;
            env.status = "Ready";
            env.dateUpdated = scheduler.now();
            events.add(
                env,
                requestId,
                "INFO",
                "The environment was reverted to the previous configuration setting.");
            health.refresh(env);
          });
    }
  }

  void swapCnames(
      String sourceName,
      String sourceId,
      String destinationName,
      String destinationId,
      String requestId) {
    synchronized (scheduler) {
      scheduler.settle();
      if ((sourceId != null) != (destinationId != null)
          && (sourceName == null || destinationName == null)) {
        throw ApiError.combination(
            "If you specify the SourceEnvironmentId, you must specify the DestinationEnvironmentId.");
      }
      if ((sourceName == null && sourceId == null)
          || (destinationName == null && destinationId == null)) {
        throw ApiError.missingParameter(
            "Both a source and a destination environment must be specified.");
      }
      SimEnvironment source = beanstalk.liveByNameOrId(sourceName, sourceId);
      SimEnvironment destination = beanstalk.liveByNameOrId(destinationName, destinationId);
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
      source.dateUpdated = scheduler.now();
      destination.dateUpdated = scheduler.now();
      events.add(source, requestId, "INFO", "swapEnvironmentCNAMEs is starting.");
      events.add(
          source,
          requestId,
          "INFO",
          "Swapping CNAMEs for environments '" + source.name + "' and '" + destination.name + "'.");
      Instant swapStarted = scheduler.now();
      scheduler.schedule(
          lifecycle.vary(timings.swap()),
          () -> {
            lifecycle.ended("SwapEnvironmentCNAMEs", source, swapStarted);
            events.add(
                source,
                requestId,
                "INFO",
                "'" + source.cname + "' now points to '" + source.endpointUrl + "'.");
            events.add(
                destination,
                requestId,
                "INFO",
                "'" + destination.cname + "' now points to '" + destination.endpointUrl + "'.");
            events.add(
                source,
                requestId,
                "INFO",
                "Completed swapping CNAMEs for environments '"
                    + source.name
                    + "' and '"
                    + destination.name
                    + "'.");
          });
    }
  }
}
