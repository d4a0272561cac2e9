package dev.bluegreen.action;

import dev.bluegreen.beanstalk.BeanstalkEvent;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.deploy.Outcome;
import dev.bluegreen.deploy.Request;
import dev.bluegreen.deploy.RunReport;
import dev.bluegreen.inputs.Inputs;
import dev.bluegreen.plan.StepRecord;
import dev.bluegreen.plan.StepRecord.Status;
import dev.bluegreen.plan.UndoRecord;
import dev.bluegreen.waiting.Durations;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The job summary: GitHub-flavoured markdown, kept under the runner's 1 MiB limit. */
public final class SummaryRenderer {

  /** GitHub rejects a step summary above 1 MiB; stay well below it. */
  public static final int LIMIT_BYTES = 1024 * 1024 - 16 * 1024;

  private static final int MAX_DETAIL = 600;

  private SummaryRenderer() {}

  /**
   * The summary of a run.
   *
   * @param exitCode the run's exit code, shown in the summary
   */
  public static String render(RunReport r, int exitCode) {
    StringBuilder md = new StringBuilder();
    Request q = r.request();
    md.append("## ").append(headline(r, Markdown::code, Markdown::text)).append("\n\n");
    md.append("**Application** ")
        .append(code(q.application()))
        .append(" · **Command** `")
        .append(q.command().input())
        .append("` · **Strategy** `")
        .append(q.get(Inputs.STRATEGY).input())
        .append("` · **Duration** ")
        .append(Durations.format(r.duration()))
        .append(" · **Exit code** ")
        .append(exitCode);
    if (q.dryRun()) {
      md.append(" · **Dry run**");
    }
    md.append("\n\n");
    if (r.failure() != null) {
      md.append("> [!")
          .append(r.outcome() instanceof Outcome.NeedsPerson ? "CAUTION" : "WARNING")
          .append("]\n> **")
          .append(Markdown.text(r.failedStep()))
          .append("** failed: ")
          .append(cell(r.failure()))
          .append("\n");
      md.append("> ").append(nextStep(r)).append("\n\n");
    }
    if (!r.recovered().isEmpty()) {
      md.append("### Recovered\n\n");
      r.recovered().forEach(n -> md.append("- ").append(cell(n)).append('\n'));
      md.append('\n');
    }
    if (r.liveBefore() != null || r.live() != null) {
      md.append("### Environments\n\n| Role | Before | After |\n|---|---|---|\n");
      md.append("| **Live** (")
          .append(code(r.productionCname()))
          .append(") | ")
          .append(env(q, r.liveBefore()))
          .append(" | ")
          .append(env(q, r.live()))
          .append(" |\n");
      md.append("| **Standby** | ")
          .append(env(q, r.standbyBefore()))
          .append(" | ")
          .append(env(q, r.standby()))
          .append(" |\n\n");
    }
    md.append("### Steps\n\n| Step | Outcome | Duration | Detail |\n|---|---|---|---|\n");
    for (StepRecord s : r.steps()) {
      md.append("| ")
          .append(code(s.id()))
          .append(" | ")
          .append(icon(s.status()))
          .append(' ')
          .append(s.status())
          .append(" | ")
          .append(
              s.status() == Status.NOT_RUN || s.status() == Status.PLANNED
                  ? ""
                  : Durations.format(s.duration()))
          .append(" | ")
          .append(cell(s.detail() == null ? s.title() : s.detail()))
          .append(" |\n");
    }
    md.append('\n');
    if (!r.rollback().isEmpty()) {
      md.append("### Rollback\n\n| Undo of | What | Outcome | Detail |\n|---|---|---|---|\n");
      for (UndoRecord u : r.rollback()) {
        md.append("| ")
            .append(code(u.stepId()))
            .append(" | ")
            .append(cell(u.description()))
            .append(" | ")
            .append(icon(u.status()))
            .append(' ')
            .append(u.status())
            .append(" | ")
            .append(cell(u.detail()))
            .append(" |\n");
      }
      md.append('\n');
    }
    if (r.failure() != null && !r.lastEvents().isEmpty()) {
      md.append("### Last events\n\n");
      List<String> lines = new ArrayList<>();
      for (BeanstalkEvent e : r.lastEvents()) {
        lines.add(
            e.date()
                + " "
                + e.severity()
                + " "
                + (e.environmentName() == null ? "" : e.environmentName() + ": ")
                + e.message().replace("\r\n", "\n").replace('\r', '\n').replace("\n", " ⏎ "));
      }
      md.append(Markdown.block("text", lines));
    }
    return fit(md.toString());
  }

  /** The headline as plain text, for a notice annotation. */
  public static String plainHeadline(RunReport r) {
    return headline(r, UnaryOperator.identity(), UnaryOperator.identity());
  }

  /** The first line of the summary; {@code code} and {@code text} render the values in it. */
  static String headline(RunReport r, UnaryOperator<String> code, UnaryOperator<String> text) {
    String label = code.apply(r.request().versionLabel());
    String live = r.live() == null ? "production" : text.apply(r.live().name());
    String liveVersion = code.apply(r.live() == null ? "?" : r.live().versionLabel());
    return switch (r.result()) {
      case "promoted" -> "✅ " + label + " is live on " + live;
      case "deployed" ->
          "✅ "
              + label
              + " is deployed to the standby "
              + (r.standby() == null ? "" : text.apply(r.standby().name()))
              + " (not promoted)";
      case "swapped" -> "✅ " + live + " now serves production";
      case "rolled-back" ->
          (r.failure() == null ? "✅ Rolled back: " : "↩️ Failed and rolled back: ")
              + live
              + " serves production with "
              + liveVersion;
      case "planned" -> "📝 Dry run: nothing was changed";
      case "status" ->
          "ℹ️ " + (r.live() == null ? "Status" : live + " serves production with " + liveVersion);
      case "cleaned" -> "🧹 Cleanup done";
      case "overtaken" ->
          "🔀 Overtaken by another run: " + live + " serves production with " + liveVersion;
      default ->
          r.outcome() instanceof Outcome.NeedsPerson
              ? "🚨 Failed: production needs attention"
              : r.outcome() instanceof Outcome.Refused
                  ? "⛔ Nothing was changed: the inputs need fixing"
                  : "❌ Failed: production is served by a healthy environment";
    };
  }

  private static String nextStep(RunReport r) {
    if (r.outcome() instanceof Outcome.Overtaken o) {
      return "Another run "
          + Markdown.text(o.by())
          + " while this one was going. "
          + (o.fine()
              ? "Production runs this run's version or a newer one; nothing to do."
              : "Production runs neither this run's version nor a newer one: run again once the "
                  + "other run has ended (a concurrency group keeps runs apart, see the README).");
    }
    if (r.outcome() instanceof Outcome.Refused) {
      return "Nothing in AWS was changed. Fix the input named above and run again.";
    }
    if (r.outcome() instanceof Outcome.NeedsPerson) {
      return "Production may not be served by a healthy environment. Open the environments below "
          + "in the console, check which one holds "
          + code(r.productionCname())
          + " and its health, and swap or redeploy by hand "
          + "(command: swap or rollback) once you know which one is good.";
    }
    return "Production is served by a healthy environment"
        + (r.live() == null ? "" : " (" + Markdown.text(r.live().name()) + ")")
        + ". Fix the cause and run again; a re-run picks up where this one "
        + "stopped.";
  }

  private static String env(Request q, Environment e) {
    if (e == null) {
      return "—";
    }
    return Markdown.link(e.name(), q.consoleLink(e.id()))
        + " · "
        + code(e.cname())
        + " · "
        + code(e.versionLabel())
        + " · "
        + colour(e.health())
        + " "
        + Markdown.text(e.status() + "/" + e.health());
  }

  private static String colour(String health) {
    if (health == null) {
      return "⚪";
    }
    return switch (health) {
      case "Green" -> "🟢";
      case "Yellow" -> "🟡";
      case "Red" -> "🔴";
      default -> "⚪";
    };
  }

  private static String icon(Status status) {
    return switch (status) {
      case SUCCEEDED -> "✅";
      case FAILED -> "❌";
      case SKIPPED -> "⏭️";
      case PLANNED -> "📝";
      case NOT_RUN -> "⏸️";
    };
  }

  private static String code(String s) {
    return Markdown.code(s);
  }

  /** A table cell; long text is cut before it is escaped, so no escape is cut in half. */
  static String cell(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > MAX_DETAIL
        ? Markdown.text(s.substring(0, MAX_DETAIL)) + "…"
        : Markdown.text(s);
  }

  private static String fit(String md) {
    byte[] bytes = md.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= LIMIT_BYTES) {
      return md;
    }
    String cut = new String(bytes, 0, LIMIT_BYTES, StandardCharsets.UTF_8);
    return cut.substring(0, cut.lastIndexOf('\n') + 1)
        + "\n_(summary truncated to stay under GitHub's 1 MiB limit)_\n";
  }
}
