package dev.bluegreen.action;

import dev.bluegreen.log.Log;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a run's results go: the step outputs (GITHUB_OUTPUT, written as soon as known) and the job
 * summary (GITHUB_STEP_SUMMARY) in Actions; the log elsewhere.
 */
public final class Publication {
  private final Log log;
  private final Optional<OutputFile> outputs;
  private final Optional<StepSummaryFile> summary;

  public Publication(ActionEnvironment action, Log log) {
    this.log = log;
    this.outputs = action.outputFile().map(OutputFile::new);
    this.summary = action.summaryFile().map(StepSummaryFile::new);
  }

  /** Why outputs could not be written now, before anything changes. */
  public Optional<String> outputsProblem() {
    return outputs
        .flatMap(OutputFile::problem)
        .map(p -> "GITHUB_OUTPUT: " + p + "; later steps would read no outputs");
  }

  /** Outputs as far as known; a failure here is retried at the end, which decides. */
  public void progress(Map<String, String> values) {
    try {
      outputs.ifPresent(f -> f.update(values));
    } catch (RuntimeException e) {
      log.warning(e.getMessage());
    }
  }

  /**
   * The final outputs and summary. Returns why the outputs could not be written, if they could not:
   * later steps rely on them, so the run fails then (the summary and the log say whether the
   * deployment itself succeeded, as {@code succeeded} tells).
   *
   * @param succeeded the headline of a run that succeeded; empty when it did not
   */
  public Optional<String> finish(
      Map<String, String> values, String markdown, Optional<String> succeeded) {
    Optional<String> failed = Optional.empty();
    try {
      outputs.ifPresent(f -> f.update(values));
    } catch (RuntimeException e) {
      failed = Optional.of(e.getMessage());
    }
    String text = markdown;
    if (failed.isPresent()) {
      String what =
          succeeded.map(h -> "the deployment itself succeeded (" + h + "), but ").orElse("");
      log.error(failed.get() + ": " + what + "later steps would read missing outputs");
      text =
          "> [!CAUTION]\n> The step outputs could not be written ("
              + Markdown.text(failed.get())
              + "); "
              + Markdown.text(what)
              + "later steps would read missing outputs.\n\n"
              + markdown;
    }
    try {
      String written = text;
      summary.ifPresent(f -> f.write(written));
    } catch (RuntimeException e) {
      // GitHub does not fail a step whose summary upload fails either: the outputs and the log
      // carry the result.
      log.warning(e.getMessage());
    }
    if (succeeded.isPresent() && failed.isEmpty()) {
      log.notice(succeeded.get());
    }
    if (outputs.isEmpty()) {
      log.info("");
      log.info("outputs:");
      values.forEach((k, v) -> log.info("  " + k + "=" + v));
    }
    return failed;
  }

  /**
   * Nothing was done: every problem as an error, result=failed, and a summary that says what to
   * fix.
   */
  public void refused(List<String> problems) {
    for (String p : problems) {
      log.error(p);
    }
    try {
      outputs.ifPresent(f -> f.update(Map.of("result", "failed")));
      summary.ifPresent(
          f ->
              f.write(
                  "## ⛔ Nothing was changed: the inputs need fixing\n\n"
                      + String.join(
                          "",
                          problems.stream().map(p -> "- " + Markdown.text(p) + "\n").toList())));
    } catch (RuntimeException e) {
      log.error(e.getMessage());
    }
  }
}
