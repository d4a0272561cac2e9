package dev.bluegreen.beanstalk;

import java.util.Map;

/**
 * CreateEnvironment from a saved configuration template.
 *
 * @param cnamePrefix null lets Elastic Beanstalk generate one
 */
public record NewEnvironment(
    String applicationName,
    String environmentName,
    String templateName,
    String versionLabel,
    String cnamePrefix,
    String description,
    Map<String, String> tags) {}
