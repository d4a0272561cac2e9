package dev.bluegreen.plan;

import dev.bluegreen.beanstalk.BeanstalkEvent;
import dev.bluegreen.beanstalk.Environment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run knows about the application as it goes: which environment is live (holds the
 * production CNAME) and which is standby, the versions involved, and what it has done that later
 * steps and undos need. Roles move with every swap; colours are only environment names.
 */
public final class Deployment {

  private Environment live;
  private Environment standby;
  private Environment liveBefore;
  private Environment standbyBefore;
  private String productionCname;
  private String previousVersion;
  private boolean versionCreated;
  private String templateName;
  private VersionSource versionSource;
  private boolean recoverProduction;
  private boolean reuseClone;
  private Environment leftoverClone;
  private Leftovers leftovers = Leftovers.NONE;
  private final Map<String, Instant> lostProductionAt = new LinkedHashMap<>();
  private final List<String> recovered = new ArrayList<>();
  private final Set<String> goodVersions = new LinkedHashSet<>();
  private final List<BeanstalkEvent> recentEvents = new ArrayList<>();

  public synchronized Environment live() {
    return live;
  }

  public synchronized Optional<Environment> standby() {
    return Optional.ofNullable(standby);
  }

  public synchronized Environment requireStandby() throws StepFailure {
    if (standby == null) {
      throw new StepFailure("there is no standby environment");
    }
    return standby;
  }

  /** Sets both roles; the first call also records them as the "before" picture. */
  public synchronized void roles(Environment live, Environment standby) {
    if (liveBefore == null && standbyBefore == null) {
      liveBefore = live;
      standbyBefore = standby;
    }
    this.live = live;
    this.standby = standby;
  }

  public synchronized void live(Environment live) {
    this.live = live;
  }

  public synchronized void standby(Environment standby) {
    this.standby = standby;
  }

  /** Replaces the live and standby records with fresher ones of the same environments (terminated ones ignored). */
  public synchronized void refresh(List<Environment> fresh) {
    for (Environment e : fresh) {
      if (e.isTerminated()) {
        continue;
      }
      if (live != null && e.name().equals(live.name())) {
        live = e;
      } else if (standby != null && e.name().equals(standby.name())) {
        standby = e;
      }
    }
  }

  /** The names of the environments in a role now. */
  public synchronized List<String> roleNames() {
    List<String> names = new ArrayList<>();
    if (live != null) {
      names.add(live.name());
    }
    if (standby != null) {
      names.add(standby.name());
    }
    return names;
  }

  /** After a swap: the standby is live now, and the old live starts draining. */
  public synchronized void swapRoles(Instant at) {
    Environment oldLive = live;
    live = standby;
    standby = oldLive;
    if (oldLive != null) {
      lostProductionAt.put(oldLive.name(), at);
    }
  }

  public synchronized Optional<Environment> liveBefore() {
    return Optional.ofNullable(liveBefore);
  }

  public synchronized Optional<Environment> standbyBefore() {
    return Optional.ofNullable(standbyBefore);
  }

  public synchronized String productionCname() {
    return productionCname;
  }

  public synchronized void productionCname(String cname) {
    this.productionCname = cname;
  }

  public synchronized String previousVersion() {
    return previousVersion;
  }

  public synchronized void previousVersion(String label) {
    this.previousVersion = label;
    if (label != null) {
      goodVersions.add(label);
    }
  }

  public synchronized boolean versionCreated() {
    return versionCreated;
  }

  public synchronized void versionCreated(boolean created) {
    this.versionCreated = created;
  }

  public synchronized Optional<String> templateName() {
    return Optional.ofNullable(templateName);
  }

  public synchronized void templateName(String name) {
    this.templateName = name;
  }

  public synchronized Optional<VersionSource> versionSource() {
    return Optional.ofNullable(versionSource);
  }

  public synchronized void versionSource(VersionSource source) {
    this.versionSource = source;
  }

  /** Clone recovery: the clone holds production and the permanent environment can take it back. */
  public synchronized boolean recoverProduction() {
    return recoverProduction;
  }

  public synchronized void recoverProduction(boolean recover) {
    this.recoverProduction = recover;
  }

  /** Clone recovery: the existing clone is used instead of making a new one. */
  public synchronized boolean reuseClone() {
    return reuseClone;
  }

  public synchronized void reuseClone(boolean reuse) {
    this.reuseClone = reuse;
  }

  /** An idle clone left by an earlier run, to be terminated before a new one is made. */
  public synchronized Optional<Environment> leftoverClone() {
    return Optional.ofNullable(leftoverClone);
  }

  public synchronized void leftoverClone(Environment env) {
    this.leftoverClone = env;
  }

  public synchronized Leftovers leftovers() {
    return leftovers;
  }

  public synchronized void leftovers(Leftovers leftovers) {
    this.leftovers = leftovers;
  }

  public synchronized Optional<Instant> lostProductionAt(String environmentName) {
    return Optional.ofNullable(lostProductionAt.get(environmentName));
  }

  public synchronized void lostProductionAt(String environmentName, Instant at) {
    lostProductionAt.put(environmentName, at);
  }

  public synchronized void recovered(String note) {
    recovered.add(note);
  }

  public synchronized List<String> recovered() {
    return List.copyOf(recovered);
  }

  /** A version that passed its checks (or served production before this run). */
  public synchronized void good(String label) {
    goodVersions.add(label);
  }

  public synchronized boolean isGood(String label) {
    return goodVersions.contains(label);
  }

  public synchronized void sawEvent(BeanstalkEvent event) {
    recentEvents.add(event);
    if (recentEvents.size() > 50) {
      recentEvents.remove(0);
    }
  }

  public synchronized List<BeanstalkEvent> recentEvents() {
    return List.copyOf(recentEvents);
  }
}
