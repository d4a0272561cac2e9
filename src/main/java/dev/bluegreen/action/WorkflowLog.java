package dev.bluegreen.action;

import dev.bluegreen.log.Log;
import dev.bluegreen.log.UntrustedText;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The log as the GitHub runner reads it: groups, annotations, masks. Masks are registered before
 * anything that could contain the secret is printed. Plain lines carry text from inputs and from
 * AWS, so they are printed as {@link UntrustedText}: none of them can become a command. GitHub
 * shows at most 10 error and 10 warning annotations per step, so only the important lines become
 * annotations.
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
    emit(WorkflowCommands.command("group", masked(title)));
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
    for (String line : UntrustedText.lines(masked(message))) {
      out.println(line);
    }
    out.flush();
  }

  @Override
  public synchronized void notice(String message) {
    emit(WorkflowCommands.command("notice", masked(message)));
    out.flush();
  }

  @Override
  public synchronized void warning(String message) {
    emit(WorkflowCommands.command("warning", masked(message)));
    out.flush();
  }

  @Override
  public synchronized void error(String message) {
    emit(WorkflowCommands.command("error", masked(message)));
    out.flush();
  }

  @Override
  public synchronized void debug(String message) {
    if (debug) {
      message.lines().forEach(line -> emit(WorkflowCommands.command("debug", masked(line))));
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

  /** A workflow command of ours: its data is masked, then escaped, so it stays on one line. */
  private void emit(String command) {
    out.println(command);
  }

  /**
   * The runner masks registered secrets too; doing it here keeps them out of any copy of the
   * output.
   */
  private String masked(String text) {
    String masked = text;
    for (String s : secrets) {
      masked = masked.replace(s, "***");
    }
    return masked;
  }
}
