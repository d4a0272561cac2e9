package dev.bluegreen.simulator.beanstalk;

import static dev.bluegreen.simulator.beanstalk.Beanstalk.checkLength;

import dev.bluegreen.simulator.core.ApiError;
import dev.bluegreen.simulator.core.Scheduler;
import dev.bluegreen.simulator.s3.S3;
import dev.bluegreen.simulator.s3.S3Object;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Elastic Beanstalk applications, their versions (whose bundles are read from S3 when registered)
 * and configuration templates. Every operation holds the account lock ({@link Scheduler}).
 */
final class Applications {

  private final Scheduler scheduler;
  private final Beanstalk beanstalk;
  private final S3 s3;
  private final Map<String, SimApplication> applications = new LinkedHashMap<>();
  private int versionQuota = 1000;

  Applications(Scheduler scheduler, Beanstalk beanstalk, S3 s3) {
    this.scheduler = scheduler;
    this.beanstalk = beanstalk;
    this.s3 = s3;
  }

  void setVersionQuota(int quota) {
    synchronized (scheduler) {
      this.versionQuota = quota;
    }
  }

  int versionQuota() {
    synchronized (scheduler) {
      return versionQuota;
    }
  }

  SimApplication createApplication(String name, String description) {
    synchronized (scheduler) {
      scheduler.settle();
      checkLength("applicationName", name, 1, 100);
      if (applications.containsKey(name)) {
        throw ApiError.invalidParameter("Application " + name + " already exists.");
      }
      SimApplication app =
          new SimApplication(
              name, beanstalk.arn("application/" + name), description, scheduler.now());
      applications.put(name, app);
      return app;
    }
  }

  List<SimApplication> applications(Collection<String> names) {
    synchronized (scheduler) {
      scheduler.settle();
      return applications.values().stream()
          .filter(a -> names.isEmpty() || names.contains(a.name))
          .toList();
    }
  }

  SimApplication application(String name) {
    SimApplication app = applications.get(name);
    if (app == null) {
      throw ApiError.invalidParameter("No Application named '" + name + "' found.");
    }
    return app;
  }

  /** The version, or null when there is no such application or version. */
  SimVersion versionOrNull(String applicationName, String label) {
    SimApplication app = applications.get(applicationName);
    return app == null ? null : app.versions.get(label);
  }

  /** Every application, in order of creation; call under the account lock. */
  Collection<SimApplication> all() {
    return Collections.unmodifiableCollection(applications.values());
  }

  String createStorageLocation() {
    synchronized (scheduler) {
      scheduler.settle();
      s3.createBucket(beanstalk.storageBucket());
      return beanstalk.storageBucket();
    }
  }

  SimVersion createApplicationVersion(
      String applicationName,
      String label,
      String description,
      String bucket,
      String key,
      boolean autoCreate,
      boolean process,
      Map<String, String> tags) {
    synchronized (scheduler) {
      scheduler.settle();
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
        throw new ApiError(
            400,
            "TooManyApplicationVersionsException",
            "You cannot have more than "
                + versionQuota
                + " Application Versions. Either remove some Application Versions or request a limit increase.");
      }
      Behaviour behaviour = Behaviour.HEALTHY;
      if (bucket != null || key != null) {
        S3Object object = s3.object(bucket, key).orElse(null);
        if (object == null) {
          // Text as the service words it for a bundle it cannot read.
          throw ApiError.invalidParameter(
              "Unable to download from S3 location (Bucket: "
                  + bucket
                  + " Key: "
                  + key
                  + "). Reason: Not Found");
        }
        behaviour = Behaviour.fromBundle(object.content());
      }
      SimVersion version =
          new SimVersion(
              applicationName,
              label,
              beanstalk.arn("applicationversion/" + applicationName + "/" + label),
              description,
              bucket,
              key,
              scheduler.now(),
              behaviour,
              process ? "Processed" : "Unprocessed");
      version.tags.putAll(tags);
      app.versions.put(label, version);
      return version;
    }
  }

  List<SimVersion> versions(String applicationName, Collection<String> labels) {
    synchronized (scheduler) {
      scheduler.settle();
      List<SimVersion> out = new ArrayList<>();
      for (SimApplication app : applications.values()) {
        if (applicationName != null && !app.name.equals(applicationName)) {
          continue;
        }
        List<SimVersion> newestFirst = new ArrayList<>(app.versions.values());
        Collections.reverse(newestFirst);
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
      scheduler.settle();
      SimApplication app = application(applicationName);
      SimVersion version = app.versions.get(label);
      if (version == null) {
        throw ApiError.invalidParameter("No Application Version named '" + label + "' found.");
      }
      List<String> users =
          beanstalk.environmentRecords().stream()
              .filter(
                  e ->
                      !e.isTerminated()
                          && e.applicationName.equals(applicationName)
                          && (label.equals(e.versionLabel) || label.equals(e.runningVersion)))
              .map(e -> e.name)
              .toList();
      if (!users.isEmpty()) {
        throw ApiError.invalidParameter(
            "Unable to delete application version "
                + label
                + " because it is being used by environment(s): "
                + String.join(", ", users)
                + ".");
      }
      app.versions.remove(label);
      if (deleteSourceBundle && version.s3Bucket != null) {
        s3.deleteObject(version.s3Bucket, version.s3Key);
      }
    }
  }

  SimTemplate createConfigurationTemplate(
      String applicationName,
      String templateName,
      String environmentId,
      String solutionStackName,
      String description) {
    synchronized (scheduler) {
      scheduler.settle();
      SimApplication app = application(applicationName);
      checkLength("templateName", templateName, 1, 100);
      if (app.templates.containsKey(templateName)) {
        throw ApiError.invalidParameter(
            "Configuration Template " + templateName + " already exists.");
      }
      SimTemplate template;
      if (environmentId != null) {
        SimEnvironment env = beanstalk.liveById(environmentId);
        Beanstalk.requireReady(env);
        template =
            new SimTemplate(
                applicationName,
                templateName,
                description,
                env.solutionStackName,
                env.platformArn,
                scheduler.now(),
                List.copyOf(env.optionSettings));
      } else if (solutionStackName != null) {
        template =
            new SimTemplate(
                applicationName,
                templateName,
                description,
                solutionStackName,
                null,
                scheduler.now(),
                List.of());
      } else {
        throw ApiError.combination(
            "Configuration template must specify a SolutionStackName, PlatformArn, "
                + "SourceConfiguration or EnvironmentId.");
      }
      app.templates.put(templateName, template);
      return template;
    }
  }

  void deleteConfigurationTemplate(String applicationName, String templateName) {
    synchronized (scheduler) {
      scheduler.settle();
      SimApplication app = application(applicationName);
      if (app.templates.remove(templateName) == null) {
        throw ApiError.invalidParameter(
            "No Configuration Template named '"
                + applicationName
                + "/"
                + templateName
                + "' found.");
      }
    }
  }

  Optional<SimTemplate> template(String applicationName, String templateName) {
    synchronized (scheduler) {
      return Optional.ofNullable(application(applicationName).templates.get(templateName));
    }
  }
}
