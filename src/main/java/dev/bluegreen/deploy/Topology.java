package dev.bluegreen.deploy;

import java.util.List;

/**
 * Which environments a deployment works with, by strategy: two persistent environments, or one
 * permanent environment and the name of its temporary clone. Nothing else needs to know what
 * blue-environment and green-environment mean for a strategy.
 */
public sealed interface Topology permits Topology.Pair, Topology.Clone {

  /** The environments to look up, in the order given. */
  List<String> names();

  /** strategy swap: either may be live; the other is the standby. */
  record Pair(String first, String second) implements Topology {
    @Override
    public List<String> names() {
      return List.of(first, second);
    }

    /** The other environment of the pair. */
    public String other(String name) {
      return name.equals(first) ? second : first;
    }
  }

  /**
   * strategy clone: the permanent environment serves production; the temporary one exists only
   * during a run.
   */
  record Clone(String permanent, String temporary) implements Topology {
    @Override
    public List<String> names() {
      return List.of(permanent, temporary);
    }
  }
}
