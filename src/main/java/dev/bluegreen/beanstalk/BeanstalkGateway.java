package dev.bluegreen.beanstalk;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Elastic Beanstalk and S3 as the deployment needs them. Every call may throw {@link
 * BeanstalkException}; calls that start an operation return the request id its events will carry.
 * Calls that change something are retried only when throttled: after an ambiguous failure ({@link
 * BeanstalkException#isAmbiguous()}) the caller reads the state to learn whether it happened.
 */
public interface BeanstalkGateway {

  /**
   * Environments of the application (null: of any application) with these names, terminated ones
   * included (they linger in listings).
   */
  List<Environment> environments(String application, Collection<String> names);

  /** Every environment of the application, terminated ones included. */
  List<Environment> environments(String application);

  /**
   * Events on or after {@code since}, oldest first, filtered by request id and/or environment
   * (either may be null), at most {@code limit}.
   */
  List<BeanstalkEvent> events(
      String application, String environmentName, String requestId, Instant since, int limit);

  Optional<ApplicationVersion> version(String application, String label);

  /** Newest first. */
  List<ApplicationVersion> versions(String application);

  Map<String, String> tags(String arn);

  /** The deployed option settings of an environment. */
  List<OptionSetting> optionSettings(String application, String environmentName);

  List<String> templates(String application);

  boolean applicationExists(String application);

  /**
   * The account's Elastic Beanstalk storage bucket, created on first use (CreateStorageLocation).
   */
  String storageBucket();

  Optional<StoredObject> headObject(String bucket, String key);

  void upload(String bucket, String key, Path file, Map<String, String> metadata);

  void createVersion(
      String application,
      String label,
      String description,
      String bucket,
      String key,
      Map<String, String> tags);

  void deleteVersion(String application, String label, boolean deleteBundle);

  String deploy(String environmentName, String versionLabel);

  /** SwapEnvironmentCNAMEs: its own inverse, so never repeated without reading the CNAMEs. */
  String swapCnames(String environmentA, String environmentB);

  String terminate(String environmentName);

  void createTemplate(
      String application, String templateName, String environmentId, String description);

  void deleteTemplate(String application, String templateName);

  /** Creates the environment; returns it (Launching) and the request id. */
  Created createEnvironment(NewEnvironment spec);

  /** An environment just created and the request id of its creation. */
  record Created(Environment environment, String requestId) {}
}
