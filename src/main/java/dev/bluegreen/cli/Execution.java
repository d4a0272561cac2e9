package dev.bluegreen.cli;

import dev.bluegreen.action.ActionEnvironment;
import dev.bluegreen.action.OidcTokens;
import dev.bluegreen.action.OutputsMapper;
import dev.bluegreen.action.Publication;
import dev.bluegreen.action.SummaryRenderer;
import dev.bluegreen.beanstalk.AwsEnvironment;
import dev.bluegreen.beanstalk.AwsSettings;
import dev.bluegreen.beanstalk.Gateways;
import dev.bluegreen.bundle.Scratch;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.Deployment;
import dev.bluegreen.deploy.Hints;
import dev.bluegreen.deploy.Request;
import dev.bluegreen.deploy.RequestBuilder;
import dev.bluegreen.deploy.RunReport;
import dev.bluegreen.health.HealthChecker;
import dev.bluegreen.http.ProxySettings;
import dev.bluegreen.http.ProxyVariables;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.inputs.Inputs;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.Cancellation;
import dev.bluegreen.waiting.Sleeper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One command run: the inputs validated before anything else, the AWS clients opened, the
 * deployment run, its outputs written as soon as known and its summary at the end, the exit code
 * returned. What each piece means lives elsewhere; this only puts them together.
 */
@Singleton
public final class Execution {

  private final Host host;
  private final Gateways gateways;
  private final HealthChecker health;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Cancellation cancellation;

  public Execution(
      Host host,
      Gateways gateways,
      HealthChecker health,
      Clock clock,
      Sleeper sleeper,
      Cancellation cancellation) {
    this.host = host;
    this.gateways = gateways;
    this.health = health;
    this.clock = clock;
    this.sleeper = sleeper;
    this.cancellation = cancellation;
  }

  /**
   * Runs a command to its end and returns its exit code.
   *
   * @param texts each input's text by name, as given (flags, INPUT_ variables)
   */
  public int run(Command command, Map<String, String> texts, boolean stacktrace) {
    Run run = new Run(stacktrace);
    return run.execute(command, texts);
  }

  /**
   * Refuses to run: every problem as an error, result=failed, a summary that says nothing was
   * changed; exit 2.
   */
  public int refuse(List<String> problems) {
    new Run(false).publication.refused(problems);
    return ExitCodes.USAGE;
  }

  /** The state of one run: its log and where its results go. */
  private final class Run {
    private final ActionEnvironment action = new ActionEnvironment(host.env());
    private final AwsEnvironment aws = new AwsEnvironment(host.env());
    private final Log log;
    private final Publication publication;

    Run(boolean stacktrace) {
      this.log =
          action.log(host.out(), stacktrace || action.debug(), AwsEnvironment.SECRET_VARIABLES);
      this.publication = new Publication(action, log);
    }

    int execute(Command command, Map<String, String> texts) {
      ProxyVariables.Parsed proxy = ProxyVariables.parse(host.env());
      AwsEnvironment.Endpoints endpoints = aws.endpoints();
      RequestBuilder.Parsed parsed =
          new RequestBuilder(new Surroundings(action, aws, host.workDir())).build(command, texts);
      List<String> problems = new ArrayList<>(parsed.problems());
      problems.addAll(proxy.problems());
      problems.addAll(endpoints.problems());
      if (!problems.isEmpty()) {
        if (parsed.productionCnameMissing()
            && proxy.problems().isEmpty()
            && endpoints.problems().isEmpty()) {
          problems = withCnameHint(problems, texts, proxy.proxy(), endpoints);
        }
        publication.refused(problems);
        return ExitCodes.USAGE;
      }
      Optional<String> unwritable = publication.outputsProblem();
      if (unwritable.isPresent()) {
        publication.refused(List.of(unwritable.get()));
        return ExitCodes.USAGE;
      }
      Request request = parsed.request();
      parsed.warnings().forEach(log::warning);
      AwsSettings settings = settings(request.region(), texts, proxy.proxy(), endpoints);
      cancellation.bind(Thread.currentThread());
      try (Gateways.Opened opened = gateways.open(settings);
          Scratch scratch = new Scratch(Scratch.baseFor(host.env()))) {
        Context ctx =
            new Context(request, opened.gateway(), health, clock, sleeper, cancellation, scratch);
        log.info(
            "beanstalk-blue-green: "
                + command.input()
                + " "
                + request.application()
                + " (strategy "
                + request.get(Inputs.STRATEGY).input()
                + (request.dryRun() ? ", dry run" : "")
                + ")");
        RunReport report =
            new Deployment(ctx, log).run(r -> publication.progress(OutputsMapper.outputs(r)));
        int exit = ExitCodes.of(report.outcome());
        Optional<String> outputsFailed =
            publication.finish(
                OutputsMapper.outputs(report),
                SummaryRenderer.render(report, exit),
                report.succeeded()
                    ? Optional.of(SummaryRenderer.plainHeadline(report))
                    : Optional.empty());
        return outputsFailed.isPresent() && exit == ExitCodes.OK ? ExitCodes.FAILED : exit;
      } finally {
        cancellation.bind(null);
      }
    }

    /**
     * For a missing production-cname: both environments' CNAMEs, read from Elastic Beanstalk when
     * the names allow it.
     */
    private List<String> withCnameHint(
        List<String> problems,
        Map<String, String> texts,
        Optional<ProxySettings> proxy,
        AwsEnvironment.Endpoints endpoints) {
      boolean namesValid =
          problems.stream()
              .noneMatch(
                  p ->
                      p.startsWith("application-name:")
                          || p.startsWith("blue-environment:")
                          || p.startsWith("green-environment:")
                          || p.startsWith("aws-region:"));
      String application = texts.get(Inputs.APPLICATION.name());
      Optional<String> region =
          Optional.ofNullable(texts.get(Inputs.AWS_REGION.name()))
              .filter(s -> !s.isBlank())
              .map(String::trim)
              .or(aws::region);
      if (!namesValid || application == null || region.isEmpty()) {
        return problems;
      }
      List<String> names =
          List.of(texts.get(Inputs.BLUE.name()).trim(), texts.get(Inputs.GREEN.name()).trim());
      String hint;
      try (Gateways.Opened opened =
          gateways.open(settings(region.get(), texts, proxy, endpoints))) {
        hint = Hints.productionCname(opened.gateway(), application.trim(), names);
      } catch (RuntimeException e) {
        hint = " (the environments' CNAMEs could not be read: " + e.getMessage() + ")";
      }
      String h = hint;
      return problems.stream().map(p -> p.startsWith("production-cname:") ? p + h : p).toList();
    }

    private AwsSettings settings(
        String region,
        Map<String, String> texts,
        Optional<ProxySettings> proxy,
        AwsEnvironment.Endpoints endpoints) {
      Optional<String> role =
          Optional.ofNullable(texts.get(Inputs.ROLE_TO_ASSUME.name()))
              .filter(s -> !s.isBlank())
              .map(String::trim);
      String session =
          Optional.ofNullable(texts.get(Inputs.ROLE_SESSION_NAME.name()))
              .filter(s -> !s.isBlank())
              .map(String::trim)
              .orElse(Inputs.ROLE_SESSION_NAME.defaultText());
      Optional<OidcTokens> tokens = role.flatMap(r -> action.oidc());
      tokens.ifPresent(t -> log.mask(t.requestToken()));
      AwsSettings.CredentialSource credentials =
          aws.credentials(
              role,
              session,
              () -> tokens.orElseThrow().fetch(OidcTokens.AWS_AUDIENCE, proxy),
              ActionInputDefaults.dnxProfile(host.env()));
      return new AwsSettings(
          region, endpoints.byService(), proxy, credentials, clock, sleeper, log::mask);
    }
  }
}
