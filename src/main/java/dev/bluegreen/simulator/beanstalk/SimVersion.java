package dev.bluegreen.simulator.beanstalk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An application version and the behaviour its bundle asks for. */
final class SimVersion {
  final String applicationName;
  final String label;
  final String arn;
  final String description;
  final String s3Bucket;
  final String s3Key;
  final Instant created;
  final Behaviour behaviour;
  String status;
  final Map<String, String> tags = new LinkedHashMap<>();

  SimVersion(
      String applicationName,
      String label,
      String arn,
      String description,
      String s3Bucket,
      String s3Key,
      Instant created,
      Behaviour behaviour,
      String status) {
    this.applicationName = applicationName;
    this.label = label;
    this.arn = arn;
    this.description = description;
    this.s3Bucket = s3Bucket;
    this.s3Key = s3Key;
    this.created = created;
    this.behaviour = behaviour;
    this.status = status;
  }
}
