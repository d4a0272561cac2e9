package dev.bluegreen.deploy;

import java.util.List;

/** What resolving a pair found: the roles, and a note when the standby had been terminated. */
public record PairFindings(Roles roles, List<String> recovered) implements Resolution {}
