package dev.bluegreen.simulator.beanstalk;

import dev.bluegreen.simulator.beanstalk.SimEnvironment.OptionSetting;
import dev.bluegreen.simulator.core.ApiError;
import dev.bluegreen.simulator.wire.Xml;
import java.util.ArrayList;
import java.util.List;

/** Elastic Beanstalk's records as its Query API writes them, and its paging. */
final class EbXml {
  private EbXml() {}

  static void template(Xml x, SimTemplate t, String envName, List<OptionSetting> options) {
    x.text("SolutionStackName", t.solutionStackName())
        .text("PlatformArn", t.platformArn())
        .text("ApplicationName", t.applicationName())
        .text("TemplateName", t.name())
        .text("Description", t.description())
        .text("EnvironmentName", envName)
        .text("DateCreated", t.created())
        .text("DateUpdated", t.created());
    optionSettings(x, options);
  }

  static void optionSettings(Xml x, List<OptionSetting> options) {
    x.open("OptionSettings");
    for (OptionSetting o : options) {
      x.open("member")
          .text("ResourceName", o.resourceName())
          .text("Namespace", o.namespace())
          .text("OptionName", o.optionName())
          .text("Value", o.value())
          .close("member");
    }
    x.close("OptionSettings");
  }

  static void application(Xml x, SimApplication app) {
    x.text("ApplicationArn", app.arn)
        .text("ApplicationName", app.name)
        .text("Description", app.description)
        .text("DateCreated", app.created)
        .text("DateUpdated", app.created)
        .open("Versions");
    List<String> labels = new ArrayList<>(app.versions.keySet());
    java.util.Collections.reverse(labels);
    labels.forEach(l -> x.text("member", l));
    x.close("Versions").open("ConfigurationTemplates");
    app.templates.keySet().forEach(t -> x.text("member", t));
    x.close("ConfigurationTemplates");
  }

  static void version(Xml x, SimVersion v) {
    x.text("ApplicationVersionArn", v.arn)
        .text("ApplicationName", v.applicationName)
        .text("Description", v.description)
        .text("VersionLabel", v.label);
    if (v.s3Bucket != null) {
      x.open("SourceBundle")
          .text("S3Bucket", v.s3Bucket)
          .text("S3Key", v.s3Key)
          .close("SourceBundle");
    }
    x.text("DateCreated", v.created).text("DateUpdated", v.created).text("Status", v.status);
  }

  static void environment(Xml x, SimEnvironment e) {
    x.text("EnvironmentName", e.name)
        .text("EnvironmentId", e.id)
        .text("ApplicationName", e.applicationName)
        .text("VersionLabel", e.versionLabel)
        .text("SolutionStackName", e.solutionStackName)
        .text("PlatformArn", e.platformArn)
        .text("TemplateName", e.templateName)
        .text("Description", e.description)
        .text("EndpointURL", e.endpointUrl)
        .text("CNAME", e.cname)
        .text("DateCreated", e.dateCreated)
        .text("DateUpdated", e.dateUpdated)
        .text("Status", e.status)
        .text("AbortableOperationInProgress", e.abortable)
        .text("Health", e.health)
        .text("HealthStatus", e.healthStatus);
    x.open("Tier")
        .text("Name", e.tier)
        .text("Type", e.isWebServer() ? "Standard" : "SQS/HTTP")
        .text("Version", "1.0")
        .close("Tier")
        .empty("EnvironmentLinks")
        .text("EnvironmentArn", e.arn);
  }

  /** One page of a listing, with an opaque token for the next. */
  record Page<T>(List<T> items, String nextToken) {
    static <T> Page<T> of(List<T> all, Integer maxRecords, String token) {
      int start = 0;
      if (token != null) {
        try {
          start =
              Integer.parseInt(
                  new String(
                      java.util.Base64.getDecoder().decode(token),
                      java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
          throw ApiError.invalidParameter("Invalid NextToken: " + token);
        }
      }
      if (maxRecords != null && (maxRecords < 1 || maxRecords > 1000)) {
        throw ApiError.validation(
            "1 validation error detected: Value '"
                + maxRecords
                + "' at 'maxRecords' failed to satisfy constraint: Member must have value between 1 and 1000");
      }
      int size = maxRecords == null ? 1000 : maxRecords;
      int end = Math.min(all.size(), start + size);
      List<T> items = start >= all.size() ? List.of() : all.subList(start, end);
      String next =
          end < all.size()
              ? java.util.Base64.getEncoder()
                  .encodeToString(
                      Integer.toString(end).getBytes(java.nio.charset.StandardCharsets.UTF_8))
              : null;
      return new Page<>(items, next);
    }
  }
}
