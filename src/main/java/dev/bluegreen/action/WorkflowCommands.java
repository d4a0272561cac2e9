package dev.bluegreen.action;

/**
 * Workflow command syntax ({@code ::name key=value::message}) with the runner's escaping: in
 * messages {@code %} {@code \r} {@code \n}; in property values also {@code :} and {@code ,}. {@code
 * %} is replaced first, because the runner unescapes it last.
 */
public final class WorkflowCommands {
  private WorkflowCommands() {}

  public static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  public static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }

  public static String command(String name, String message) {
    return "::" + name + "::" + escapeData(message);
  }

  public static String command(String name, String title, String message) {
    return "::" + name + " title=" + escapeProperty(title) + "::" + escapeData(message);
  }
}
