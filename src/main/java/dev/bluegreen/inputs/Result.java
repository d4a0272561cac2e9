package dev.bluegreen.inputs;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The values of the {@code result} output: what each says about production when the run ends, and
 * the exit codes it comes with. The README's table of results is rendered from here ({@code
 * ActionContractTest} checks it).
 */
public enum Result {
  PROMOTED(
      "promoted",
      "deploy: the new version serves production (after the swap, or with clone after the permanent "
          + "environment took production back).",
      Set.of(0)),
  DEPLOYED(
      "deployed",
      "deploy with promote: false: the new version runs on the standby and passed its checks; "
          + "production did not move. A later swap promotes it.",
      Set.of(0)),
  SWAPPED("swapped", "swap: the standby passed its checks and now serves production.", Set.of(0)),
  ROLLED_BACK(
      "rolled-back",
      "Production is on the environment of the version it ran before: rollback swapped to the other "
          + "environment, which runs the previous version (exit code 0); or a deploy or swap failed "
          + "after moving production, and production was swapped back (exit code 1).",
      Set.of(0, 1)),
  FAILED(
      "failed",
      "The run did not do what was asked: the inputs were refused and nothing changed (exit code 2); "
          + "it failed and production is untouched or on a healthy environment (exit code 1); or "
          + "production needs a person (exit code 3, even after a swap back).",
      Set.of(1, 2, 3)),
  OVERTAKEN(
      "overtaken",
      "deploy: another run changed the environments while this one was going (the summary says "
          + "what it did). Exit code 0 when production runs this run's version or a newer one, 1 "
          + "otherwise; production is on a healthy environment either way.",
      Set.of(0, 1)),
  PLANNED(
      "planned", "dry-run: nothing changed; the summary shows what each step would do.", Set.of(0)),
  STATUS("status", "status: the outputs describe the environments; nothing changed.", Set.of(0)),
  CLEANED("cleaned", "cleanup: the leftovers found were removed.", Set.of(0));

  private final String value;
  private final String meaning;

  // Set.of is unmodifiable, but Error Prone's ImmutableEnumChecker only knows the declared type.
  @SuppressWarnings("ImmutableEnumChecker")
  private final Set<Integer> exitCodes;

  Result(String value, String meaning, Set<Integer> exitCodes) {
    this.value = value;
    this.meaning = meaning;
    this.exitCodes = exitCodes;
  }

  /** The output's text. */
  public String value() {
    return value;
  }

  public String meaning() {
    return meaning;
  }

  /** The exit codes a run ending with this result may have. */
  public Set<Integer> exitCodes() {
    return exitCodes;
  }

  public static Optional<Result> of(String value) {
    return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst();
  }

  /** Every value, in declaration order, for the output's description. */
  public static List<String> allValues() {
    return Arrays.stream(values()).map(Result::value).toList();
  }

  @Override
  public String toString() {
    return value;
  }
}
