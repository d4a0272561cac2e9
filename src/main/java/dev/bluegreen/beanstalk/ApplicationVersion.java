package dev.bluegreen.beanstalk;

import java.time.Instant;

/** An application version as Elastic Beanstalk lists it. */
public record ApplicationVersion(
    String label, String arn, String bucket, String key, Instant created, String description) {}
