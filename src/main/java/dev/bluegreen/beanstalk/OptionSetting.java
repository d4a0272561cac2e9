package dev.bluegreen.beanstalk;

/** One configuration option; {@code value} is null when the service sends none. */
public record OptionSetting(
    String resourceName, String namespace, String optionName, String value) {}
