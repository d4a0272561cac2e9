package dev.bluegreen.simulator.beanstalk;

import java.time.Instant;
import java.util.List;

/** A saved configuration template. */
record SimTemplate(
    String applicationName,
    String name,
    String description,
    String solutionStackName,
    String platformArn,
    Instant created,
    List<SimEnvironment.OptionSetting> optionSettings) {}
