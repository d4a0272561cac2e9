package dev.bluegreen.deploy;

import dev.bluegreen.inputs.Command;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Requests for unit tests, through the same rules as a real run, in a fixed place (us-east-1, run
 * id run-1).
 */
public final class TestRequests {
  private TestRequests() {}

  /**
   * A request for {@code command} with the pair app-blue/app-green on production CNAME app, and
   * these inputs.
   */
  public static Request of(Command command, String... nameValues) {
    return in(Path.of("."), command, nameValues);
  }

  /** The same, with source-bundle resolved in {@code workspace}. */
  public static Request in(Path workspace, Command command, String... nameValues) {
    Map<String, String> texts =
        new LinkedHashMap<>(
            Map.of(
                "application-name",
                "app",
                "blue-environment",
                "app-blue",
                "green-environment",
                "app-green",
                "production-cname",
                "app",
                "version-label",
                "v2"));
    for (int i = 0; i < nameValues.length; i += 2) {
      texts.put(nameValues[i], nameValues[i + 1]);
    }
    RequestBuilder.Parsed parsed =
        new RequestBuilder(
                new Invocation() {
                  @Override
                  public Path workspace() {
                    return workspace;
                  }

                  @Override
                  public boolean confinesAbsolutePaths() {
                    return true;
                  }

                  @Override
                  public Optional<String> defaultVersionLabel() {
                    return Optional.empty();
                  }

                  @Override
                  public Optional<String> noDefaultVersionLabelReason() {
                    return Optional.empty();
                  }

                  @Override
                  public Optional<String> beanstalkEndpoint() {
                    return Optional.empty();
                  }

                  @Override
                  public Optional<String> runId() {
                    return Optional.of("run-1");
                  }

                  @Override
                  public Optional<String> runUrl() {
                    return Optional.empty();
                  }

                  @Override
                  public Optional<String> defaultRegion() {
                    return Optional.of("us-east-1");
                  }

                  @Override
                  public Optional<String> roleToAssumeProblem() {
                    return Optional.empty();
                  }
                })
            .build(command, texts);
    if (!parsed.ok()) {
      throw new IllegalArgumentException("not a valid request: " + parsed.problems());
    }
    return parsed.request();
  }
}
