package dev.bluegreen.simulator.beanstalk;

import dev.bluegreen.simulator.core.ApiError;
import dev.bluegreen.simulator.core.Scheduler;
import java.util.Collection;
import java.util.Map;

/**
 * Tags of environments, applications and versions, found by ARN. Every operation holds the account
 * lock ({@link Scheduler}).
 */
final class Tags {

  private final Scheduler scheduler;
  private final Beanstalk beanstalk;

  Tags(Scheduler scheduler, Beanstalk beanstalk) {
    this.scheduler = scheduler;
    this.beanstalk = beanstalk;
  }

  Map<String, String> tagsOf(String arn) {
    synchronized (scheduler) {
      scheduler.settle();
      return holder(arn);
    }
  }

  void updateTags(String arn, Map<String, String> add, Collection<String> remove) {
    synchronized (scheduler) {
      scheduler.settle();
      Map<String, String> tags = holder(arn);
      for (String key : add.keySet()) {
        if (key.startsWith("elasticbeanstalk:") || key.startsWith("aws:")) {
          throw ApiError.invalidParameter("Tag key '" + key + "' is reserved.");
        }
      }
      remove.forEach(tags::remove);
      tags.putAll(add);
    }
  }

  private Map<String, String> holder(String arn) {
    for (SimEnvironment e : beanstalk.environmentRecords()) {
      if (e.arn.equals(arn) && !e.isTerminated()) {
        return e.tags;
      }
    }
    for (SimApplication a : beanstalk.applications.all()) {
      if (a.arn.equals(arn)) {
        return a.tags;
      }
      for (SimVersion v : a.versions.values()) {
        if (v.arn.equals(arn)) {
          return v.tags;
        }
      }
    }
    throw new ApiError(
        400, "ResourceNotFoundException", "Resource not found for ARN '" + arn + "'.");
  }
}
