package dev.bluegreen.deploy;

import java.util.List;

/**
 * What a resolving step found, as far as the summary cares: notes on what an earlier run left and
 * what happens to it.
 */
public interface Resolution {
  List<String> recovered();
}
