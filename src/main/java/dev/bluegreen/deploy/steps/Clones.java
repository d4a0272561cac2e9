package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.BeanstalkGateway.Created;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.beanstalk.NewEnvironment;
import dev.bluegreen.beanstalk.OptionSetting;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.EnvironmentWaits.Wait;
import dev.bluegreen.deploy.Request;
import dev.bluegreen.deploy.Tags;
import dev.bluegreen.log.Log;
import dev.bluegreen.plan.StepFailure;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Makes an environment that is a copy of the live one, through the public API (the EB CLI's own
 * clone uses a parameter the SDKs lack): CreateConfigurationTemplate from the live environment's
 * id, CreateEnvironment from that template with the live version, then the template is deleted.
 */
final class Clones {
  static final String RDS_NAMESPACE = "aws:rds:dbinstance";

  private Clones() {}

  /**
   * Refuses to copy an environment that owns an RDS database: the copy would start with a new,
   * empty one.
   */
  static void refuseManagedDatabase(Context ctx, Environment live) throws StepFailure {
    List<OptionSetting> options =
        ctx.call(() -> ctx.aws().optionSettings(ctx.request().application(), live.name()));
    if (options.stream().anyMatch(o -> RDS_NAMESPACE.equals(o.namespace()))) {
      throw StepFailure.usage(
          live.name()
              + " has an Elastic Beanstalk-managed RDS database ("
              + RDS_NAMESPACE
              + " settings). A copy of it would be created with a new, empty database, and writes made while the copy serves "
              + "production would be lost. Decouple the database from the environment first (see \"Decoupling an Amazon RDS "
              + "database from an Elastic Beanstalk environment\" in the Elastic Beanstalk Developer Guide), then deploy again.");
    }
  }

  /** Creates {@code name} as a copy of {@code live} and waits until it is healthy. */
  static Environment create(
      Context ctx,
      Log log,
      Environment live,
      String name,
      String cnamePrefix,
      Map<String, String> tags)
      throws StepFailure, InterruptedException {
    Request r = ctx.request();
    String template = templateName(name, r.runId());
    log.info("saving " + live.name() + "'s configuration as template " + template);
    // The template's name carries this run's id: one that exists is ours.
    ctx.change(
        "CreateConfigurationTemplate " + template,
        log,
        () -> {
          ctx.aws()
              .createTemplate(
                  r.application(),
                  template,
                  live.id(),
                  "Copy of " + live.name() + " made by " + Tags.TOOL + " run " + r.runId());
          return true;
        },
        () ->
            ctx.call(() -> ctx.aws().templates(r.application())).contains(template)
                ? Optional.of(true)
                : Optional.empty());
    try {
      Instant started = ctx.clock().instant();
      String description = "Copy of " + live.name() + " made by " + Tags.TOOL;
      NewEnvironment spec =
          new NewEnvironment(
              r.application(), name, template, live.versionLabel(), cnamePrefix, description, tags);
      Created created;
      try {
        created = createEnvironment(ctx, log, spec);
      } catch (StepFailure e) {
        if (cnamePrefix == null || !e.getMessage().contains("is not available")) {
          throw e;
        }
        log.warning(
            "CNAME prefix " + cnamePrefix + " is taken; " + name + " gets a generated CNAME");
        created =
            createEnvironment(
                ctx,
                log,
                new NewEnvironment(
                    r.application(), name, template, live.versionLabel(), null, description, tags));
      }
      log.info(
          "creating "
              + name
              + " ("
              + created.environment().cname()
              + ") with version "
              + live.versionLabel()
              + "; see "
              + r.consoleLink(created.environment().id()));
      return ctx.waits(log)
          .awaitHealthy(
              new Wait(name, created.requestId(), live.versionLabel(), started, "launch healthy"));
    } finally {
      deleteTemplate(ctx, log, template);
    }
  }

  /**
   * CreateEnvironment; after a lost answer or "already exists", an environment of that name in this
   * application carrying this run's id is the one asked for. One that is not ours is named with its
   * application.
   */
  private static Created createEnvironment(Context ctx, Log log, NewEnvironment spec)
      throws StepFailure, InterruptedException {
    String name = spec.environmentName();
    Request r = ctx.request();
    try {
      return ctx.change(
          "CreateEnvironment " + name,
          log,
          () -> ctx.aws().createEnvironment(spec),
          () -> {
            Optional<Environment> there = ctx.find(name);
            boolean ours =
                there.isPresent()
                    && r.runId()
                        .equals(ctx.call(() -> ctx.aws().tags(there.get().arn())).get(Tags.RUN_ID));
            return ours ? Optional.of(new Created(there.get(), null)) : Optional.empty();
          });
    } catch (StepFailure e) {
      if (!e.getMessage().contains("already exists")) {
        throw e;
      }
      throw new StepFailure(
          StepFailure.Kind.FAILED, e.getMessage() + " " + Lookup.owner(ctx, name), e);
    }
  }

  private static void deleteTemplate(Context ctx, Log log, String template)
      throws InterruptedException {
    try {
      ctx.change(
          "DeleteConfigurationTemplate " + template,
          log,
          () -> {
            ctx.aws().deleteTemplate(ctx.request().application(), template);
            return true;
          },
          () ->
              ctx.call(() -> ctx.aws().templates(ctx.request().application())).contains(template)
                  ? Optional.empty()
                  : Optional.of(true));
    } catch (StepFailure e) {
      log.warning(
          "could not delete configuration template "
              + template
              + " (cleanup removes it later): "
              + e.getMessage());
    }
  }

  static String templateName(String environment, String runId) {
    String name = Tags.TEMPLATE_PREFIX + environment + "-" + runId;
    return name.length() <= 100 ? name : name.substring(0, 100);
  }

  /** The prefix of a regional or legacy Elastic Beanstalk CNAME, or null for a generated one. */
  static String prefixOf(String cname) {
    if (cname == null) {
      return null;
    }
    String lower = cname.toLowerCase(Locale.ROOT);
    String[] labels = lower.split("\\.", -1);
    boolean ours = lower.endsWith(".elasticbeanstalk.com");
    return ours && (labels.length == 4 || labels.length == 3) ? labels[0] : null;
  }
}
