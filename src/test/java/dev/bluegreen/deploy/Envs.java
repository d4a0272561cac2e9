package dev.bluegreen.deploy;

import dev.bluegreen.beanstalk.Environment;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Environment records for tests: {@code Envs.named("app-blue").cname("app").version("v1").build()}.
 * Defaults: application app, Ready/Green (Ok), WebServer, version v1, CNAME {@code
 * <name>.us-east-1.elasticbeanstalk.com}, id {@code e-<name>}, ARN {@code arn:<name>}, updated at
 * the epoch.
 */
public final class Envs {
  public static final String SUFFIX = ".us-east-1.elasticbeanstalk.com";

  private String name;
  private String id;
  private String application = FakeGateway.APPLICATION;
  private String version = "v1";
  private String cname;
  private String endpoint;
  private String status = Environment.READY;
  private String health = "Green";
  private String healthStatus = "Ok";
  private String tier = "WebServer";
  private String arn;
  private String template;
  private String stack = "64bit Amazon Linux 2023 v4.3.0 running Corretto 17";
  private String platform;
  private Instant updated = Instant.EPOCH;

  private Envs() {}

  public static Envs named(String name) {
    Envs b = new Envs();
    b.name = name;
    b.id = "e-" + name;
    b.cname = name + SUFFIX;
    b.endpoint = "awseb-" + name;
    b.arn = "arn:" + name;
    return b;
  }

  public static Envs from(Environment e) {
    Envs b = new Envs();
    b.name = e.name();
    b.id = e.id();
    b.application = e.applicationName();
    b.version = e.versionLabel();
    b.cname = e.cname();
    b.endpoint = e.endpointUrl();
    b.status = e.status();
    b.health = e.health();
    b.healthStatus = e.healthStatus();
    b.tier = e.tier();
    b.arn = e.arn();
    b.template = e.templateName();
    b.stack = e.solutionStackName();
    b.platform = e.platformArn();
    b.updated = e.dateUpdated();
    return b;
  }

  /** A change to {@code status}/{@code health}, for scripted transitions. */
  public static UnaryOperator<Environment> becomes(String status, String health) {
    return e -> from(e).status(status).health(health).build();
  }

  /** A change to {@code status}/{@code health} running {@code version}. */
  public static UnaryOperator<Environment> becomes(String status, String health, String version) {
    return e -> from(e).status(status).health(health).version(version).build();
  }

  /**
   * A prefix ({@code app}) becomes {@code app.us-east-1.elasticbeanstalk.com}; a name with a dot is
   * kept.
   */
  public Envs cname(String prefixOrFull) {
    this.cname =
        prefixOrFull == null || prefixOrFull.contains(".") ? prefixOrFull : prefixOrFull + SUFFIX;
    return this;
  }

  public Envs application(String application) {
    this.application = application;
    return this;
  }

  public Envs id(String id) {
    this.id = id;
    return this;
  }

  public Envs version(String version) {
    this.version = version;
    return this;
  }

  public Envs status(String status) {
    this.status = status;
    return this;
  }

  public Envs health(String health) {
    this.health = health;
    return this;
  }

  public Envs healthStatus(String healthStatus) {
    this.healthStatus = healthStatus;
    return this;
  }

  public Envs tier(String tier) {
    this.tier = tier;
    return this;
  }

  public Envs arn(String arn) {
    this.arn = arn;
    return this;
  }

  public Envs updated(Instant updated) {
    this.updated = updated;
    return this;
  }

  public Environment build() {
    return new Environment(
        name,
        id,
        application,
        version,
        cname,
        endpoint,
        status,
        health,
        healthStatus,
        tier,
        arn,
        template,
        stack,
        platform,
        updated);
  }
}
