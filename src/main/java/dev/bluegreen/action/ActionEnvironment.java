package dev.bluegreen.action;

import dev.bluegreen.log.Log;
import dev.bluegreen.log.PlainLog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the GitHub runner puts in a docker action's environment. Inputs arrive as {@code
 * INPUT_<NAME>}: upper case, spaces to underscores, hyphens kept ({@code INPUT_AWS-REGION}); every
 * declared input is present, empty when unset.
 */
public final class ActionEnvironment {
  /** Variables whose values are secrets: masked in the log before anything is printed. */
  public static final List<String> SECRET_VARIABLES =
      List.of("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "ACTIONS_RUNTIME_TOKEN", "GITHUB_TOKEN");

  /** The job summary file's variable. */
  public static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

  private final Map<String, String> env;

  public ActionEnvironment(Map<String, String> env) {
    this.env = env;
  }

  public static String inputVariable(String input) {
    return "INPUT_" + input.replace(' ', '_').toUpperCase(Locale.ROOT);
  }

  /** The input's value, trimmed; empty when unset or blank. */
  public Optional<String> input(String name) {
    String v = env.get(inputVariable(name));
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  public boolean hasAnyInput() {
    return env.keySet().stream().anyMatch(k -> k.startsWith("INPUT_"));
  }

  public boolean isActions() {
    return "true".equals(env.get("GITHUB_ACTIONS"));
  }

  public boolean debug() {
    return "1".equals(env.get("RUNNER_DEBUG"));
  }

  /**
   * The log as the runner reads it in Actions (workflow commands), plain text elsewhere; secrets
   * registered first.
   */
  public Log log(PrintStream out, boolean debug, List<String> secretVariables) {
    Log log = isActions() ? new WorkflowLog(out, debug) : new PlainLog(out, debug);
    for (String name : secretVariables) {
      log.mask(env.get(name));
    }
    for (String name : SECRET_VARIABLES) {
      log.mask(env.get(name));
    }
    return log;
  }

  /** Why role-to-assume cannot work in this job, when it cannot. */
  public Optional<String> roleToAssumeProblem() {
    return oidc().isPresent()
        ? Optional.empty()
        : Optional.of(
            "needs the job's OIDC token, but "
                + "ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN are not set: add 'permissions: id-token: write' to the job (a job-level "
                + "permissions block replaces the workflow's)");
  }

  public Optional<Path> outputFile() {
    return path("GITHUB_OUTPUT");
  }

  public Optional<Path> summaryFile() {
    return path(STEP_SUMMARY);
  }

  public Optional<Path> workspace() {
    return path("GITHUB_WORKSPACE");
  }

  public Optional<String> runId() {
    return value("GITHUB_RUN_ID");
  }

  /**
   * {@code <first 7 of GITHUB_SHA>-<GITHUB_RUN_ID>}: the same on a re-run of the same workflow run.
   */
  public Optional<String> defaultVersionLabel() {
    Optional<String> sha = value("GITHUB_SHA");
    Optional<String> run = value("GITHUB_RUN_ID");
    if (sha.isEmpty() || run.isEmpty()) {
      return Optional.empty();
    }
    String s = sha.get();
    return Optional.of(s.substring(0, Math.min(7, s.length())) + "-" + run.get());
  }

  /**
   * In GitHub Actions, why there is no default version label: the runner's variables it is made of
   * that are not set. Empty outside Actions, where no default is expected.
   */
  public Optional<String> noDefaultVersionLabelReason() {
    if (!isActions()) {
      return Optional.empty();
    }
    List<String> unset =
        Stream.of("GITHUB_SHA", "GITHUB_RUN_ID").filter(n -> value(n).isEmpty()).toList();
    if (unset.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        String.join(" and ", unset) + (unset.size() == 1 ? " is" : " are") + " not set");
  }

  public Optional<String> runUrl() {
    Optional<String> server = value("GITHUB_SERVER_URL");
    Optional<String> repo = value("GITHUB_REPOSITORY");
    Optional<String> run = value("GITHUB_RUN_ID");
    if (server.isEmpty() || repo.isEmpty() || run.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(server.get() + "/" + repo.get() + "/actions/runs/" + run.get());
  }

  /**
   * ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN: present only when the job has {@code id-token: write}.
   */
  public Optional<OidcTokens> oidc() {
    Optional<String> url = value("ACTIONS_ID_TOKEN_REQUEST_URL");
    Optional<String> token = value("ACTIONS_ID_TOKEN_REQUEST_TOKEN");
    if (url.isEmpty() || token.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new OidcTokens(url.get(), token.get()));
  }

  private Optional<Path> path(String name) {
    return value(name).map(Path::of);
  }

  private Optional<String> value(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }
}
