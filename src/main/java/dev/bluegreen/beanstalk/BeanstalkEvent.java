package dev.bluegreen.beanstalk;

import java.time.Instant;

/**
 * One Elastic Beanstalk event. {@code requestId} is the API call that caused it, when there was
 * one.
 */
public record BeanstalkEvent(
    Instant date, String environmentName, String requestId, String severity, String message) {}
