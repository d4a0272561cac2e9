package dev.bluegreen.simulator.beanstalk;

import dev.bluegreen.simulator.beanstalk.SimEnvironment.OptionSetting;
import dev.bluegreen.simulator.core.ApiError;
import dev.bluegreen.simulator.wire.QueryRequest;
import dev.bluegreen.simulator.wire.QueryResponse;
import dev.bluegreen.simulator.wire.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Elastic Beanstalk's Query API wire format: form parameters in, {@code <XResponse><XResult>} out,
 * errors as {@code ErrorResponse} (see {@link QueryResponse}).
 */
public final class EbApi {

  static final String XMLNS = "http://elasticbeanstalk.amazonaws.com/docs/2010-12-01/";
  private final Beanstalk beanstalk;
  private final Applications applications;

  public EbApi(Beanstalk beanstalk) {
    this.beanstalk = beanstalk;
    this.applications = beanstalk.applications;
  }

  /** Answers one request; the body is XML either way. */
  public QueryResponse handle(QueryRequest req, String requestId) {
    String action = req.action();
    try {
      if (action == null) {
        throw new ApiError(400, "MissingAction", "The request must contain the parameter Action.");
      }
      synchronized (beanstalk.scheduler) {
        Xml result = new Xml();
        boolean hasResult = dispatch(action, req, requestId, result);
        return QueryResponse.ok(action, XMLNS, hasResult ? result : null, requestId);
      }
    } catch (ApiError e) {
      return error(e, requestId);
    }
  }

  public static QueryResponse error(ApiError e, String requestId) {
    return QueryResponse.error(e, XMLNS, requestId);
  }

  private boolean dispatch(String action, QueryRequest req, String requestId, Xml x) {
    switch (action) {
      case "CreateApplication" -> {
        SimApplication app =
            applications.createApplication(req.required("ApplicationName"), req.get("Description"));
        x.open("Application");
        EbXml.application(x, app);
        x.close("Application");
      }
      case "DescribeApplications" -> {
        x.open("Applications");
        for (SimApplication app : applications.applications(req.list("ApplicationNames"))) {
          x.open("member");
          EbXml.application(x, app);
          x.close("member");
        }
        x.close("Applications");
      }
      case "CreateStorageLocation" -> x.text("S3Bucket", applications.createStorageLocation());
      case "CreateApplicationVersion" -> {
        SimVersion v =
            applications.createApplicationVersion(
                req.required("ApplicationName"),
                req.required("VersionLabel"),
                req.get("Description"),
                req.get("SourceBundle.S3Bucket"),
                req.get("SourceBundle.S3Key"),
                Boolean.TRUE.equals(req.bool("AutoCreateApplication")),
                Boolean.TRUE.equals(req.bool("Process")),
                req.tags("Tags"));
        x.open("ApplicationVersion");
        EbXml.version(x, v);
        x.close("ApplicationVersion");
      }
      case "DescribeApplicationVersions" -> {
        List<SimVersion> all =
            applications.versions(req.get("ApplicationName"), req.list("VersionLabels"));
        EbXml.Page<SimVersion> page =
            EbXml.Page.of(all, req.integer("MaxRecords"), req.get("NextToken"));
        x.open("ApplicationVersions");
        for (SimVersion v : page.items()) {
          x.open("member");
          EbXml.version(x, v);
          x.close("member");
        }
        x.close("ApplicationVersions").text("NextToken", page.nextToken());
      }
      case "DeleteApplicationVersion" -> {
        applications.deleteApplicationVersion(
            req.required("ApplicationName"),
            req.required("VersionLabel"),
            Boolean.TRUE.equals(req.bool("DeleteSourceBundle")));
        return false;
      }
      case "CreateConfigurationTemplate" -> {
        SimTemplate t =
            applications.createConfigurationTemplate(
                req.required("ApplicationName"),
                req.required("TemplateName"),
                req.get("EnvironmentId"),
                req.get("SolutionStackName"),
                req.get("Description"));
        EbXml.template(x, t, null, List.of());
      }
      case "DeleteConfigurationTemplate" -> {
        applications.deleteConfigurationTemplate(
            req.required("ApplicationName"), req.required("TemplateName"));
        return false;
      }
      case "DescribeConfigurationSettings" -> describeConfigurationSettings(req, x);
      case "CreateEnvironment" -> {
        SimEnvironment env =
            beanstalk.lifecycle.createEnvironment(
                new CreateEnvironment(
                    req.required("ApplicationName"),
                    req.required("EnvironmentName"),
                    req.get("CNAMEPrefix"),
                    req.get("Description"),
                    req.get("Tier.Name"),
                    req.get("VersionLabel"),
                    req.get("TemplateName"),
                    req.get("SolutionStackName"),
                    req.get("PlatformArn"),
                    req.tags("Tags"),
                    options(req, "OptionSettings")),
                requestId);
        EbXml.environment(x, env);
      }
      case "UpdateEnvironment" ->
          EbXml.environment(
              x,
              beanstalk.updates.updateEnvironment(
                  req.get("EnvironmentName"),
                  req.get("EnvironmentId"),
                  req.get("VersionLabel"),
                  options(req, "OptionSettings"),
                  options(req, "OptionsToRemove"),
                  req.get("Description"),
                  requestId));
      case "SwapEnvironmentCNAMEs" -> {
        beanstalk.updates.swapCnames(
            req.get("SourceEnvironmentName"),
            req.get("SourceEnvironmentId"),
            req.get("DestinationEnvironmentName"),
            req.get("DestinationEnvironmentId"),
            requestId);
        return false;
      }
      case "TerminateEnvironment" ->
          EbXml.environment(
              x,
              beanstalk.lifecycle.terminateEnvironment(
                  req.get("EnvironmentName"),
                  req.get("EnvironmentId"),
                  Boolean.TRUE.equals(req.bool("ForceTerminate")),
                  requestId));
      case "AbortEnvironmentUpdate" -> {
        beanstalk.updates.abortEnvironmentUpdate(
            req.get("EnvironmentName"), req.get("EnvironmentId"), requestId);
        return false;
      }
      case "DescribeEnvironments" -> {
        List<SimEnvironment> all =
            beanstalk.describeEnvironments(
                req.get("ApplicationName"),
                req.list("EnvironmentNames"),
                req.list("EnvironmentIds"),
                req.get("VersionLabel"),
                req.bool("IncludeDeleted"),
                req.time("IncludedDeletedBackTo"));
        EbXml.Page<SimEnvironment> page =
            EbXml.Page.of(all, req.integer("MaxRecords"), req.get("NextToken"));
        x.open("Environments");
        for (SimEnvironment env : page.items()) {
          x.open("member");
          EbXml.environment(x, env);
          x.close("member");
        }
        x.close("Environments").text("NextToken", page.nextToken());
      }
      case "DescribeEvents" -> {
        List<SimEvent> all =
            beanstalk.events.events(
                req.get("ApplicationName"),
                req.get("EnvironmentName"),
                req.get("EnvironmentId"),
                req.get("VersionLabel"),
                req.get("RequestId"),
                req.get("Severity"),
                req.time("StartTime"),
                req.time("EndTime"));
        EbXml.Page<SimEvent> page =
            EbXml.Page.of(all, req.integer("MaxRecords"), req.get("NextToken"));
        x.open("Events");
        for (SimEvent e : page.items()) {
          x.open("member")
              .text("EventDate", e.date())
              .text("Message", e.message())
              .text("ApplicationName", e.applicationName())
              .text("VersionLabel", e.versionLabel())
              .text("TemplateName", e.templateName())
              .text("EnvironmentName", e.environmentName())
              .text("RequestId", e.requestId())
              .text("Severity", e.severity())
              .close("member");
        }
        x.close("Events").text("NextToken", page.nextToken());
      }
      case "DescribeEnvironmentHealth" -> {
        SimEnvironment env =
            beanstalk.liveEnvironment(req.get("EnvironmentName"), req.get("EnvironmentId"));
        x.text("EnvironmentName", env.name)
            .text("HealthStatus", env.healthStatus)
            .text("Status", env.status)
            .text("Color", env.health)
            .open("Causes");
        for (String cause : beanstalk.health.causes(env)) {
          x.text("member", cause);
        }
        x.close("Causes").open("InstancesHealth");
        boolean severe = "Severe".equals(env.healthStatus);
        boolean ok = "Ok".equals(env.healthStatus);
        x.text("NoData", 0)
            .text("Unknown", 0)
            .text("Pending", ok || severe ? 0 : 1)
            .text("Ok", ok ? 1 : 0)
            .text("Info", 0)
            .text("Warning", 0)
            .text("Degraded", 0)
            .text("Severe", severe ? 1 : 0)
            .close("InstancesHealth")
            .text("RefreshedAt", beanstalk.scheduler.now());
      }
      case "CheckDNSAvailability" -> {
        String prefix = req.required("CNAMEPrefix");
        x.text("Available", beanstalk.cnameAvailable(prefix))
            .text("FullyQualifiedCNAME", beanstalk.fullyQualifiedCname(prefix));
      }
      case "ListTagsForResource" -> {
        String arn = req.required("ResourceArn");
        x.text("ResourceArn", arn).open("ResourceTags");
        beanstalk
            .tags
            .tagsOf(arn)
            .forEach((k, v) -> x.open("member").text("Key", k).text("Value", v).close("member"));
        x.close("ResourceTags");
      }
      case "UpdateTagsForResource" -> {
        beanstalk.tags.updateTags(
            req.required("ResourceArn"), req.tags("TagsToAdd"), req.list("TagsToRemove"));
        return false;
      }
      case "DescribeAccountAttributes" ->
          x.open("ResourceQuotas")
              .open("ApplicationQuota")
              .text("Maximum", 75)
              .close("ApplicationQuota")
              .open("ApplicationVersionQuota")
              .text("Maximum", applications.versionQuota())
              .close("ApplicationVersionQuota")
              .open("EnvironmentQuota")
              .text("Maximum", 200)
              .close("EnvironmentQuota")
              .open("ConfigurationTemplateQuota")
              .text("Maximum", 2000)
              .close("ConfigurationTemplateQuota")
              .open("CustomPlatformQuota")
              .text("Maximum", 10)
              .close("CustomPlatformQuota")
              .close("ResourceQuotas");
      default ->
          throw new ApiError(
              400,
              "InvalidAction",
              "Could not find operation " + action + " for version 2010-12-01");
    }
    return true;
  }

  private void describeConfigurationSettings(QueryRequest req, Xml x) {
    String app = req.required("ApplicationName");
    String templateName = req.get("TemplateName");
    String envName = req.get("EnvironmentName");
    if (templateName != null && envName != null) {
      throw ApiError.combination("You cannot specify both TemplateName and EnvironmentName.");
    }
    if (templateName == null && envName == null) {
      throw ApiError.missingParameter("You must specify either TemplateName or EnvironmentName.");
    }
    x.open("ConfigurationSettings").open("member");
    if (templateName != null) {
      SimTemplate t =
          applications
              .template(app, templateName)
              .orElseThrow(
                  () ->
                      ApiError.invalidParameter(
                          "No Configuration Template named '"
                              + app
                              + "/"
                              + templateName
                              + "' found."));
      EbXml.template(x, t, null, t.optionSettings());
    } else {
      List<OptionSetting> options = beanstalk.configurationOf(app, envName);
      SimEnvironment env = beanstalk.liveEnvironment(envName, null);
      x.text("SolutionStackName", env.solutionStackName)
          .text("PlatformArn", env.platformArn)
          .text("ApplicationName", app)
          .text("Description", env.description)
          .text("EnvironmentName", env.name)
          .text("DeploymentStatus", "deployed")
          .text("DateCreated", env.dateCreated)
          .text("DateUpdated", env.dateUpdated);
      EbXml.optionSettings(x, options);
    }
    x.close("member").close("ConfigurationSettings");
  }

  private static List<OptionSetting> options(QueryRequest req, String name) {
    List<OptionSetting> out = new ArrayList<>();
    for (Map<String, String> m : req.structures(name)) {
      out.add(
          new OptionSetting(
              m.get("ResourceName"), m.get("Namespace"), m.get("OptionName"), m.get("Value")));
    }
    return out;
  }
}
