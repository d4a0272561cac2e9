package dev.bluegreen.cli;

import dev.bluegreen.action.ActionEnvironment;
import dev.bluegreen.action.OidcTokens;
import dev.bluegreen.action.OutputFile;
import dev.bluegreen.action.StepSummaryFile;
import dev.bluegreen.action.WorkflowLog;
import dev.bluegreen.beanstalk.AwsClients;
import dev.bluegreen.bundle.Scratch;
import dev.bluegreen.beanstalk.AwsSettings;
import dev.bluegreen.beanstalk.BeanstalkException;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.health.HttpHealthChecker;
import dev.bluegreen.http.NetworkVariables;
import dev.bluegreen.http.ProxySettings;
import dev.bluegreen.log.Log;
import dev.bluegreen.log.PlainLog;
import dev.bluegreen.plan.Command;
import dev.bluegreen.plan.Deployment;
import dev.bluegreen.plan.DeploymentPlan;
import dev.bluegreen.plan.DeploymentRequest;
import dev.bluegreen.plan.PlanRunner;
import dev.bluegreen.plan.Plans;
import dev.bluegreen.plan.RunReport;
import dev.bluegreen.plan.StepContext;
import dev.bluegreen.report.Markdown;
import dev.bluegreen.report.OutputsMapper;
import dev.bluegreen.report.SummaryRenderer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One command run: inputs validated before anything else, AWS clients built, the plan run, outputs
 * written as soon as known, the job summary written at the end, the exit code returned.
 */
public final class Execution {

  /** Variables whose values are secrets: registered with the log's masker before anything is printed. */
  static final List<String> SECRET_VARIABLES = List.of("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
      "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "ACTIONS_RUNTIME_TOKEN", "GITHUB_TOKEN");

  private final Host host;
  private final ActionEnvironment action;
  private final Log log;
  private final Optional<OutputFile> outputFile;
  private final Optional<StepSummaryFile> summaryFile;
  private final NetworkVariables.Parsed network;
  private final Optional<ProxySettings> proxy;

  public Execution(Host host, boolean stacktrace) {
    this.host = host;
    this.action = new ActionEnvironment(host.env());
    boolean debug = stacktrace || action.debug();
    this.log = action.isActions() ? new WorkflowLog(host.out(), debug) : new PlainLog(host.out(), debug);
    this.outputFile = action.outputFile().map(OutputFile::new);
    this.summaryFile = action.summaryFile().map(StepSummaryFile::new);
    this.network = NetworkVariables.parse(host.env());
    this.proxy = network.proxy();
    for (String name : SECRET_VARIABLES) {
      log.mask(host.env().get(name));
    }
  }

  public Log log() {
    return log;
  }

  public int run(Command command, InputOptions options) {
    RequestParser parser = new RequestParser(host.env(), host.workDir());
    RequestParser.Parsed parsed = parser.parse(command, options);
    if (!parsed.ok() || !network.problems().isEmpty()) {
      List<String> problems = new ArrayList<>(parsed.problems());
      problems.addAll(network.problems());
      boolean namesValid = problems.stream().noneMatch(p -> p.startsWith("application-name:")
          || p.startsWith("blue-environment:") || p.startsWith("green-environment:") || p.startsWith("aws-region:"));
      if (parsed.productionCnameMissing() && namesValid && network.problems().isEmpty()) {
        problems = problems.stream().map(p -> p.startsWith("production-cname:") ? p + cnameHint(options, parser) : p).toList();
      }
      return invalid(problems);
    }
    Optional<String> unwritable = outputFile.flatMap(OutputFile::problem);
    if (unwritable.isPresent()) {
      return invalid(List.of("GITHUB_OUTPUT: " + unwritable.get() + "; later steps would read no outputs"));
    }
    DeploymentRequest request = parsed.request();
    parsed.warnings().forEach(log::warning);
    AwsSettings settings = awsSettings(request.region(), options, parser);
    host.cancellation().bind(Thread.currentThread());
    try (AwsClients clients = new AwsClients(settings); Scratch scratch = new Scratch(Scratch.baseFor(host.env()))) {
      StepContext ctx = new StepContext(request, clients.gateway(), new HttpHealthChecker(host.clock(), host.sleeper(), proxy),
          host.clock(), host.sleeper(), log, new Deployment(), host.cancellation(), scratch);
      DeploymentPlan plan = Plans.forRequest(request);
      log.info("beanstalk-blue-green: " + command.input() + " " + request.application() + " (strategy "
          + request.strategy().input() + (request.dryRun() ? ", dry run" : "") + ")");
      RunReport report = new PlanRunner(ctx, this::publish).run(plan);
      return finish(report);
    } finally {
      host.cancellation().bind(null);
    }
  }

  private void publish(RunReport report) {
    try {
      outputFile.ifPresent(f -> f.update(OutputsMapper.outputs(report)));
    } catch (RuntimeException e) {
      // Written again at the end; a file that stays unwritable fails the run there.
      log.warning(e.getMessage());
    }
  }

  /**
   * Outputs, summary and the exit code. Later steps rely on the outputs, so a run whose outputs
   * could not be written fails, even when the deployment itself succeeded (and says so).
   */
  private int finish(RunReport report) {
    Map<String, String> outputs = OutputsMapper.outputs(report);
    String summary = SummaryRenderer.render(report);
    String outputsFailed = null;
    try {
      outputFile.ifPresent(f -> f.update(outputs));
    } catch (RuntimeException e) {
      outputsFailed = e.getMessage();
    }
    int exit = report.exitCode();
    if (outputsFailed != null) {
      String what = report.succeeded() ? "the deployment itself succeeded (" + SummaryRenderer.plainHeadline(report) + "), but "
          : "";
      log.error(outputsFailed + ": " + what + "later steps would read missing outputs");
      summary = "> [!CAUTION]\n> The step outputs could not be written (" + Markdown.text(outputsFailed) + "); "
          + Markdown.text(what) + "later steps would read missing outputs.\n\n" + summary;
      exit = exit == PlanRunner.OK ? PlanRunner.FAILED : exit;
    }
    try {
      String markdown = summary;
      summaryFile.ifPresent(f -> f.write(markdown));
    } catch (RuntimeException e) {
      // GitHub does not fail a step whose summary upload fails either: the outputs and the log carry the result.
      log.warning(e.getMessage());
    }
    if (report.succeeded() && outputsFailed == null) {
      log.notice(SummaryRenderer.plainHeadline(report));
    }
    if (outputFile.isEmpty()) {
      log.info("");
      log.info("outputs:");
      outputs.forEach((k, v) -> log.info("  " + k + "=" + v));
    }
    return exit;
  }

  /** Refuses to run: every problem as an error, result=failed, a summary that says nothing was changed; exit 2. */
  public int refuse(List<String> problems) {
    return invalid(problems);
  }

  private int invalid(List<String> problems) {
    for (String p : problems) {
      log.error(p);
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("result", "failed");
    try {
      outputFile.ifPresent(f -> f.update(outputs));
      summaryFile.ifPresent(f -> f.write("## ⛔ Nothing was changed: the inputs need fixing\n\n"
          + String.join("", problems.stream().map(p -> "- " + Markdown.text(p) + "\n").toList())));
    } catch (RuntimeException e) {
      log.error(e.getMessage());
    }
    return PlanRunner.USAGE;
  }

  /** For a missing production-cname: both environments' CNAMEs, read from Elastic Beanstalk when possible. */
  private String cnameHint(InputOptions o, RequestParser parser) {
    String region = RequestParser.regionOf(o.awsRegion, host.env());
    if (o.applicationName == null || o.blueEnvironment == null || o.greenEnvironment == null || region == null) {
      return "";
    }
    try (AwsClients clients = new AwsClients(awsSettings(region, o, parser))) {
      List<Environment> envs = clients.gateway().environments(o.applicationName.trim(),
          List.of(o.blueEnvironment.trim(), o.greenEnvironment.trim()));
      StringBuilder s = new StringBuilder(". The environments have: ");
      for (String name : List.of(o.blueEnvironment.trim(), o.greenEnvironment.trim())) {
        s.append(name).append(" → ").append(envs.stream().filter(e -> e.name().equals(name) && !e.isTerminated())
            .map(Environment::cname).findFirst().orElse("(does not exist)")).append("; ");
      }
      return s.append("set production-cname to the one your users reach").toString();
    } catch (BeanstalkException | IllegalStateException e) {
      return " (the environments' CNAMEs could not be read: " + e.getMessage() + ")";
    }
  }

  private AwsSettings awsSettings(String region, InputOptions options, RequestParser parser) {
    return new AwsSettings(region, network.endpoints(), proxy, credentials(parser.roleToAssume(options),
        parser.roleSessionName(options)), host.clock(), host.sleeper(), log::mask);
  }

  private AwsSettings.CredentialSource credentials(Optional<String> role, String sessionName) {
    Map<String, String> env = host.env();
    if (role.isPresent()) {
      OidcTokens tokens = action.oidc().orElseThrow();
      log.mask(tokens.requestToken());
      return new AwsSettings.WebIdentity(role.get(), sessionName, () -> tokens.fetch(OidcTokens.AWS_AUDIENCE, proxy),
          Duration.ofHours(1));
    }
    String key = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (key != null && !key.isBlank() && secret != null && !secret.isBlank()) {
      String token = env.get("AWS_SESSION_TOKEN");
      return new AwsSettings.StaticKeys(key.trim(), secret.trim(), token == null || token.isBlank() ? null : token.trim());
    }
    if (ActionInputDefaults.dnxMode(env) && "SSO".equalsIgnoreCase(env.get("AUTH_METHOD")) && env.get("SSO_PROFILE") != null) {
      return new AwsSettings.Profile(env.get("SSO_PROFILE"));
    }
    if (env.get("AWS_PROFILE") != null && !env.get("AWS_PROFILE").isBlank()) {
      return new AwsSettings.Profile(env.get("AWS_PROFILE").trim());
    }
    return new AwsSettings.DefaultChain();
  }
}
