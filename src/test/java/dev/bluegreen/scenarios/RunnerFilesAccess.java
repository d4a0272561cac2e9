package dev.bluegreen.scenarios;

import java.util.Map;

/** Lets unit tests elsewhere parse GITHUB_OUTPUT the way the runner does. */
public final class RunnerFilesAccess {
  private RunnerFilesAccess() {}

  public static Map<String, String> parse(String text) {
    return RunnerFiles.parseOutputs(text);
  }
}
