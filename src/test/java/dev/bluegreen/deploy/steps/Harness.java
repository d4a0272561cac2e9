package dev.bluegreen.deploy.steps;

import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.bundle.Scratch;
import dev.bluegreen.deploy.Context;
import dev.bluegreen.deploy.Envs;
import dev.bluegreen.deploy.FakeGateway;
import dev.bluegreen.deploy.Production;
import dev.bluegreen.deploy.Request;
import dev.bluegreen.deploy.Roles;
import dev.bluegreen.deploy.TestRequests;
import dev.bluegreen.inputs.Command;
import dev.bluegreen.log.Log;
import dev.bluegreen.log.PlainLog;
import dev.bluegreen.plan.Cancellation;
import dev.bluegreen.plan.Step;
import dev.bluegreen.plan.StepFailure;
import dev.bluegreen.waiting.VirtualTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * One step's world: the request, the fake gateway and health checker, virtual time (waits cost
 * nothing), a log read back as text, and the context the step works with. Made in the test's own
 * thread, which VirtualTime takes as its participant.
 */
final class Harness {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** The production CNAME of {@link TestRequests}' pair. */
  static final String PRODUCTION = "app" + Envs.SUFFIX;

  final VirtualTime time = new VirtualTime(T0);
  final FakeGateway aws = new FakeGateway(time.clock());
  final FakeHealth health = new FakeHealth();
  final Cancellation cancellation = new Cancellation();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final Log log = new PlainLog(new PrintStream(out, true, StandardCharsets.UTF_8), false);
  final Context ctx;

  Harness(Request request, Scratch scratch) {
    ctx = new Context(request, aws, health, time.clock(), time, cancellation, scratch);
  }

  /** A request for {@code command} (TestRequests' defaults and these inputs). */
  static Harness of(Command command, String... inputs) {
    return new Harness(TestRequests.of(command, inputs), null);
  }

  static Harness deploy(String... inputs) {
    return of(Command.DEPLOY, inputs);
  }

  /** strategy clone: app-blue the permanent environment, app-green the temporary. */
  static Harness cloneDeploy(String... inputs) {
    String[] all = new String[inputs.length + 2];
    all[0] = "strategy";
    all[1] = "clone";
    System.arraycopy(inputs, 0, all, 2, inputs.length);
    return deploy(all);
  }

  Production production() {
    return ctx.production();
  }

  /**
   * The live app-blue on the production CNAME, Ready/Green with {@code version}, stored in the
   * fake.
   */
  Environment live(String version) {
    return aws.put(Envs.named("app-blue").cname("app").version(version).build());
  }

  /**
   * The standby app-green on its own CNAME, Ready/Green with {@code version}, stored in the fake.
   */
  Environment standby(String version) {
    return aws.put(Envs.named("app-green").cname("app-green").version(version).build());
  }

  /** Stores both and records them as resolved roles (production: the live one's CNAME). */
  Roles resolve(Environment live, Environment standbyOrNull) {
    aws.put(live);
    if (standbyOrNull != null) {
      aws.put(standbyOrNull);
    }
    Roles roles = new Roles(live, standbyOrNull, live.cname());
    production().resolved(roles, time.now());
    return roles;
  }

  /** The step's failure; fails the test when it did not fail. */
  StepFailure failure(Step<?> step) {
    try {
      step.run(log);
    } catch (StepFailure f) {
      return f;
    } catch (InterruptedException e) {
      throw new AssertionError(step.id() + " was interrupted", e);
    }
    throw new AssertionError(step.id() + " did not fail");
  }

  /** Time passed since the start, in virtual time. */
  Duration elapsed() {
    return Duration.between(T0, time.now());
  }

  String logText() {
    return out.toString(StandardCharsets.UTF_8);
  }
}
