package dev.bluegreen.plan;

import dev.bluegreen.beanstalk.BeanstalkEvent;
import dev.bluegreen.beanstalk.Environment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything a run did and found: what the summary and the outputs are made from. While the run
 * goes on, {@link #finished()} is false and {@code result} is empty.
 *
 * @param result {@code deployed}, {@code promoted}, {@code rolled-back}, {@code failed}, {@code
 *     planned}, {@code swapped}, {@code status} or {@code cleaned}; empty while running
 */
public record RunReport(
    DeploymentRequest request,
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
    String result,
    int exitCode,
    boolean finished) {

  public Duration duration() {
    return Duration.between(started, ended);
  }

  public boolean succeeded() {
    return finished && failure == null;
  }
}
