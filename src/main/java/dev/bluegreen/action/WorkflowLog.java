package dev.bluegreen.action;

import dev.bluegreen.log.Log;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The log as the GitHub runner reads it: groups, annotations, masks. Masks are registered before
 * anything that could contain the secret is printed. GitHub shows at most 10 error and 10 warning
 * annotations per step, so only the important lines become annotations.
 */
public final class WorkflowLog implements Log {
  private final PrintStream out;
  private final boolean debug;
  private final List<String> secrets = new ArrayList<>();

  public WorkflowLog(PrintStream out, boolean debug) {
    this.out = out;
    this.debug = debug;
  }

  @Override
  public synchronized Section group(String title) {
    emit(WorkflowCommands.command("group", title));
    out.flush();
    return () -> {
      synchronized (this) {
        emit("::endgroup::");
        out.flush();
      }
    };
  }

  @Override
  public synchronized void info(String message) {
    // A line starting with "::" would be taken as a command; the runner ignores leading spaces only.
    emit(message.startsWith("::") ? " " + message : message);
    out.flush();
  }

  @Override
  public synchronized void notice(String message) {
    emit(WorkflowCommands.command("notice", message));
    out.flush();
  }

  @Override
  public synchronized void warning(String message) {
    emit(WorkflowCommands.command("warning", message));
    out.flush();
  }

  @Override
  public synchronized void error(String message) {
    emit(WorkflowCommands.command("error", message));
    out.flush();
  }

  @Override
  public synchronized void debug(String message) {
    if (debug) {
      for (String line : message.split("\n")) {
        emit(WorkflowCommands.command("debug", line));
      }
      out.flush();
    }
  }

  @Override
  public synchronized void mask(String secret) {
    if (secret == null || secret.isBlank()) {
      return;
    }
    if (!secrets.contains(secret)) {
      out.println("::add-mask::" + WorkflowCommands.escapeData(secret));
      out.flush();
      secrets.add(secret);
    }
  }

  /** The runner masks registered secrets too; doing it here keeps them out of any copy of the output. */
  private void emit(String line) {
    String masked = line;
    for (String s : secrets) {
      masked = masked.replace(s, "***");
    }
    out.println(masked);
  }
}
