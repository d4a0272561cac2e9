package dev.bluegreen.simulator.beanstalk;

import dev.bluegreen.simulator.beanstalk.SimEnvironment.OptionSetting;
import java.util.List;
import java.util.Map;

/** The parameters of CreateEnvironment that the simulator understands. */
record CreateEnvironment(
    String applicationName,
    String environmentName,
    String cnamePrefix,
    String description,
    String tierName,
    String versionLabel,
    String templateName,
    String solutionStackName,
    String platformArn,
    Map<String, String> tags,
    List<OptionSetting> optionSettings) {}
