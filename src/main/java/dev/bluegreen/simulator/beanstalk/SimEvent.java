package dev.bluegreen.simulator.beanstalk;

import java.time.Instant;

/** One entry of DescribeEvents. */
public record SimEvent(
    Instant date,
    String applicationName,
    String environmentName,
    String versionLabel,
    String templateName,
    String requestId,
    String severity,
    String message) {}
