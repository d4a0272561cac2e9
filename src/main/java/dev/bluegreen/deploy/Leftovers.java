package dev.bluegreen.deploy;

import dev.bluegreen.beanstalk.Environment;
import java.util.List;

/**
 * What {@code cleanup} found: temporary environments, templates and surplus versions this tool
 * made.
 */
public record Leftovers(
    List<Environment> environments, List<String> templates, List<String> versions) {
  public static final Leftovers NONE = new Leftovers(List.of(), List.of(), List.of());
}
