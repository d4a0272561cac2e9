package dev.bluegreen.deploy;

import static dev.bluegreen.inputs.Inputs.AWS_REGION;
import static dev.bluegreen.inputs.Inputs.BLUE;
import static dev.bluegreen.inputs.Inputs.GREEN;
import static dev.bluegreen.inputs.Inputs.PRODUCTION_CNAME;
import static dev.bluegreen.inputs.Inputs.PROMOTE;
import static dev.bluegreen.inputs.Inputs.ROLE_TO_ASSUME;
import static dev.bluegreen.inputs.Inputs.SOURCE_BUNDLE;
import static dev.bluegreen.inputs.Inputs.STRATEGY;
import static dev.bluegreen.inputs.Inputs.TERMINATE_STANDBY;
import static dev.bluegreen.inputs.Inputs.VERSION_DESCRIPTION;
import static dev.bluegreen.inputs.Inputs.VERSION_LABEL;

import dev.bluegreen.bundle.SourceBundle;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.inputs.Input;
import dev.bluegreen.inputs.InputValues;
import dev.bluegreen.inputs.Inputs;
import dev.bluegreen.inputs.Requirement;
import dev.bluegreen.inputs.Strategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules that span several inputs, applied after each input was parsed on its own: what is
 * required for which command and strategy, the defaults that come from the surroundings, the bundle
 * on disk, and the inputs that have no effect. Every problem is collected; nothing here talks to
 * AWS.
 */
public final class RequestBuilder {

  /** The request, or every problem that prevents it; warnings name inputs that have no effect. */
  public record Parsed(
      Request request,
      List<String> problems,
      boolean productionCnameMissing,
      List<String> warnings) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final Invocation invocation;

  public RequestBuilder(Invocation invocation) {
    this.invocation = invocation;
  }

  /**
   * The request, or every problem with the inputs.
   *
   * @param texts each input's text by name, as given
   */
  public Parsed build(Command command, Map<String, String> texts) {
    InputValues in = InputValues.parse(texts);
    List<String> problems = new ArrayList<>(in.problems());
    Strategy strategy = in.optional(STRATEGY).orElse(Strategy.SWAP);
    String label = in.given(VERSION_LABEL).isPresent() ? in.get(VERSION_LABEL) : null;
    if (label == null
        && !in.invalid(VERSION_LABEL)
        && VERSION_LABEL.requirement().appliesTo(command, strategy)) {
      label = invocation.defaultVersionLabel().orElse(null);
    }
    boolean productionMissing = false;
    for (Input<?> input : Inputs.ALL) {
      boolean supplied = input == VERSION_LABEL ? label != null : in.given(input).isPresent();
      if (input.requirement().appliesTo(command, strategy) && !supplied && !in.invalid(input)) {
        problems.add(missing(input, strategy));
        productionMissing |= input == PRODUCTION_CNAME;
      }
    }
    Optional<String> blue = in.given(BLUE);
    if (blue.isPresent() && blue.get().equalsIgnoreCase(in.given(GREEN).orElse(null))) {
      problems.add(
          "green-environment: must differ from blue-environment (both are " + blue.get() + ")");
    }
    SourceBundle bundle =
        in.optional(SOURCE_BUNDLE).flatMap(raw -> bundle(raw, problems)).orElse(null);
    String description =
        in.optional(VERSION_DESCRIPTION)
            .or(() -> invocation.runUrl().map(u -> u.length() > 200 ? u.substring(0, 200) : u))
            .orElse(null);
    String region = region(in, problems);
    if (in.given(ROLE_TO_ASSUME).isPresent()) {
      invocation.roleToAssumeProblem().ifPresent(p -> problems.add("role-to-assume: " + p));
    }
    if (!problems.isEmpty()) {
      return new Parsed(null, List.copyOf(problems), productionMissing, List.of());
    }
    Topology topology =
        strategy == Strategy.CLONE
            ? new Topology.Clone(in.get(BLUE), in.get(GREEN))
            : new Topology.Pair(in.get(BLUE), in.get(GREEN));
    String runId = invocation.runId().orElse(UUID.randomUUID().toString().substring(0, 8));
    Request request =
        new Request(
            command,
            in,
            topology,
            label,
            bundle,
            description,
            region,
            runId,
            invocation.beanstalkEndpoint().orElse(null));
    return new Parsed(request, List.of(), false, warnings(in, command, strategy));
  }

  /** The problem of a required input that is missing, in the words of its requirement. */
  private String missing(Input<?> input, Strategy strategy) {
    Requirement r = input.requirement();
    String reason = r.reason().isEmpty() ? "" : ", " + r.reason();
    if (r.actionsDefault()) {
      return invocation
          .noDefaultVersionLabelReason()
          .map(
              why ->
                  input.name()
                      + ": required"
                      + reason
                      + ": in GitHub Actions it defaults to <first 7 of GITHUB_SHA>-<GITHUB_RUN_ID>, but "
                      + why)
          .orElse(
              input.name()
                  + ": required outside GitHub Actions"
                  + reason
                  + " (in Actions it defaults to <first 7 of GITHUB_SHA>-<GITHUB_RUN_ID>)");
    }
    if (r.strategies().size() < Strategy.values().length) {
      return input.name() + ": required with strategy " + strategy.input() + reason;
    }
    return input.name() + ": required" + reason;
  }

  /**
   * In GitHub Actions the bundle must come from the workspace; elsewhere a relative path must stay
   * in it.
   */
  private Optional<SourceBundle> bundle(String raw, List<String> problems) {
    boolean confined = invocation.confinesAbsolutePaths() || !Path.of(raw).isAbsolute();
    SourceBundle.Inspection inspection =
        SourceBundle.inspect(raw, invocation.workspace(), confined);
    inspection.problems().forEach(p -> problems.add("source-bundle: " + p));
    return inspection.bundle();
  }

  private String region(InputValues in, List<String> problems) {
    if (in.given(AWS_REGION).isPresent()) {
      return in.get(AWS_REGION);
    }
    Optional<String> fallback = invocation.defaultRegion();
    if (fallback.isEmpty()) {
      problems.add(
          "aws-region: not set, and neither is AWS_REGION nor AWS_DEFAULT_REGION; set aws-region");
      return null;
    }
    try {
      return AWS_REGION.parse(fallback.get());
    } catch (Input.InvalidInput e) {
      problems.add("aws-region: " + e.getMessage());
      return null;
    }
  }

  /**
   * Inputs given a value other than their default that the command or the strategy does not use.
   */
  private static List<String> warnings(InputValues in, Command command, Strategy strategy) {
    List<String> warnings = new ArrayList<>();
    for (Input<?> input : Inputs.ALL) {
      if (in.given(input).isEmpty() || Objects.equals(in.get(input), defaultOf(input))) {
        continue;
      }
      input.noEffectWith(command).or(() -> input.noEffectWith(strategy)).ifPresent(warnings::add);
    }
    if (Boolean.TRUE.equals(in.get(TERMINATE_STANDBY)) && Boolean.FALSE.equals(in.get(PROMOTE))) {
      warnings.add(
          "terminate-standby has no effect with promote: false (nothing is swapped, so nothing is retired)");
    }
    return warnings;
  }

  private static Object defaultOf(Input<?> input) {
    try {
      return input.defaultText().isEmpty() ? null : input.parse(input.defaultText());
    } catch (Input.InvalidInput e) {
      throw new IllegalStateException(
          "the declared default of " + input + " is not valid: " + e.getMessage(), e);
    }
  }
}
