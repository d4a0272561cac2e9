package dev.bluegreen.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags the tool puts on what it creates; recovery and cleanup read them back from Elastic
 * Beanstalk.
 */
public final class Tags {
  public static final String MANAGED_BY = "bluegreen:managed-by";
  public static final String ROLE = "bluegreen:role";
  public static final String RUN_ID = "bluegreen:run-id";
  public static final String PRODUCTION_CNAME = "bluegreen:production-cname";
  public static final String SHA256 = "bluegreen:sha256";
  public static final String TOOL = "beanstalk-blue-green";
  public static final String TEMPORARY = "temporary";
  public static final String STANDBY = "standby";

  /** Prefix of the configuration templates the tool creates. */
  public static final String TEMPLATE_PREFIX = "bluegreen-";

  private Tags() {}

  public static Map<String, String> created(String role, String runId) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(MANAGED_BY, TOOL);
    tags.put(ROLE, role);
    tags.put(RUN_ID, runId);
    return tags;
  }

  public static boolean isOurs(Map<String, String> tags) {
    return TOOL.equals(tags.get(MANAGED_BY));
  }
}
