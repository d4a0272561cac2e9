package dev.bluegreen.simulator.beanstalk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

final class SimApplication {
  final String name;
  final String arn;
  final String description;
  final Instant created;
  final Map<String, SimVersion> versions = new LinkedHashMap<>();
  final Map<String, SimTemplate> templates = new LinkedHashMap<>();
  final Map<String, String> tags = new LinkedHashMap<>();

  SimApplication(String name, String arn, String description, Instant created) {
    this.name = name;
    this.arn = arn;
    this.description = description;
    this.created = created;
  }
}
