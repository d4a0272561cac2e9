package dev.bluegreen.action;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.RunReport;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.json.Json;
import dev.bluegreen.plan.StepRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step outputs of the contract, from a (possibly unfinished) run report. Unknown values are
 * left out.
 */
public final class OutputsMapper {
  private OutputsMapper() {}

  public static Map<String, String> outputs(RunReport r) {
    Map<String, String> out = new LinkedHashMap<>();
    if (r.finished()) {
      out.put("result", r.result());
    }
    Environment live = r.live();
    if (live != null) {
      out.put("live-environment", live.name());
      out.put("live-environment-id", live.id());
      put(out, "live-cname", live.cname());
      put(out, "live-url", url(r, live));
    }
    Environment standby = r.standby();
    if (standby != null) {
      out.put("standby-environment", standby.name());
      put(out, "standby-cname", standby.cname());
      put(out, "standby-url", url(r, standby));
    }
    String label =
        r.request().command() == Command.DEPLOY
            ? r.request().versionLabel()
            : live == null ? null : live.versionLabel();
    put(out, "version-label", label);
    put(out, "previous-version-label", r.previousVersion());
    if (r.request().command() == Command.DEPLOY) {
      out.put("version-created", Boolean.toString(r.versionCreated()));
    }
    out.put("duration-seconds", Long.toString(r.duration().toSeconds()));
    List<Map<String, Object>> steps = new ArrayList<>();
    for (StepRecord s : r.steps()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id());
      m.put("status", s.status().toString());
      m.put("seconds", Math.round(s.duration().toMillis() / 100.0) / 10.0);
      steps.add(m);
    }
    out.put("steps", Json.write(steps));
    return out;
  }

  private static String url(RunReport r, Environment env) {
    return env.cname() == null ? null : r.request().healthCheck().scheme() + "://" + env.cname();
  }

  private static void put(Map<String, String> out, String key, String value) {
    if (value != null) {
      out.put(key, value);
    }
  }
}
