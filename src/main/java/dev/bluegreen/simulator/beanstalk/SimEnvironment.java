package dev.bluegreen.simulator.beanstalk;

import dev.bluegreen.simulator.core.Scheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's record of one environment. Read and changed only under the account lock ({@link
 * Scheduler}); {@link #snapshot()} is the copy to use outside it.
 */
public final class SimEnvironment {
  final String id;
  final String name;
  final String applicationName;
  final String arn;
  final String tier;
  final String endpointUrl;
  final Instant dateCreated;
  String solutionStackName;
  String platformArn;
  String templateName;
  String description;
  String cname;
  String versionLabel;

  /**
   * The version the instances actually run; differs from versionLabel while a deployment is in
   * flight.
   */
  String runningVersion;

  Instant runningSince;
  Instant dateUpdated;
  String status = "Launching";
  String health = "Grey";
  String healthStatus = "Pending";
  boolean abortable;
  Instant terminatedAt;

  /** Set when a fault made the environment Red regardless of its version. */
  boolean forcedRed;

  final Map<String, String> tags = new LinkedHashMap<>();
  final List<OptionSetting> optionSettings = new ArrayList<>();

  /** Cancels the scheduled end of the operation in flight (abort). */
  Runnable pendingOperationCancel;

  String previousVersionLabel;

  SimEnvironment(
      String id,
      String name,
      String applicationName,
      String arn,
      String tier,
      String endpointUrl,
      Instant created) {
    this.id = id;
    this.name = name;
    this.applicationName = applicationName;
    this.arn = arn;
    this.tier = tier;
    this.endpointUrl = endpointUrl;
    this.dateCreated = created;
    this.dateUpdated = created;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String applicationName() {
    return applicationName;
  }

  public String cname() {
    return cname;
  }

  public String endpointUrl() {
    return endpointUrl;
  }

  public String status() {
    return status;
  }

  public String health() {
    return health;
  }

  public String versionLabel() {
    return versionLabel;
  }

  public String runningVersion() {
    return runningVersion;
  }

  public String arn() {
    return arn;
  }

  public Map<String, String> tags() {
    return Map.copyOf(tags);
  }

  public boolean isTerminated() {
    return "Terminated".equals(status);
  }

  boolean isWebServer() {
    return "WebServer".equals(tier);
  }

  /** A point-in-time copy, safe to read outside the lock. */
  public Snapshot snapshot() {
    return new Snapshot(
        id,
        name,
        applicationName,
        cname,
        endpointUrl,
        status,
        health,
        healthStatus,
        versionLabel,
        runningVersion);
  }

  /** What tests and the prober read about an environment. */
  public record Snapshot(
      String id,
      String name,
      String applicationName,
      String cname,
      String endpointUrl,
      String status,
      String health,
      String healthStatus,
      String versionLabel,
      String runningVersion) {}

  /** One option setting (namespace, name, value, optional resource name). */
  public record OptionSetting(
      String resourceName, String namespace, String optionName, String value) {}
}
