package dev.bluegreen.deploy;

import dev.bluegreen.beanstalk.BeanstalkEvent;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.plan.StepRecord;
import dev.bluegreen.plan.UndoRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything a run did and found: what the summary and the outputs are made from. While the run
 * goes on, {@code outcome} is null.
 *
 * @param failure the failed step's message; null when no step failed
 */
public record RunReport(
    Request request,
    Instant started,
    Instant ended,
    List<StepRecord> steps,
    List<UndoRecord> rollback,
    Environment liveBefore,
    Environment standbyBefore,
    Environment live,
    Environment standby,
    String productionCname,
    String previousVersion,
    boolean versionCreated,
    List<String> recovered,
    List<BeanstalkEvent> lastEvents,
    String failure,
    String failedStep,
    Outcome outcome) {

  public Duration duration() {
    return Duration.between(started, ended);
  }

  public boolean finished() {
    return outcome != null;
  }

  public boolean succeeded() {
    return outcome instanceof Outcome.Succeeded;
  }

  /** The {@code result} output; empty while running. */
  public String result() {
    return outcome == null ? "" : outcome.result().value();
  }
}
