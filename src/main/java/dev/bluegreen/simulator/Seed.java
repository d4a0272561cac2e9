package dev.bluegreen.simulator;

import dev.bluegreen.json.Json;
import dev.bluegreen.simulator.beanstalk.Beanstalk;
import dev.bluegreen.simulator.beanstalk.Behaviour;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What the simulator starts with: an application, its versions (bundles stored in the storage
 * bucket) and running environments.
 *
 * <p>Seed file format: {@code {"application": "demo-app", "versions": [{"label": "v1", "behaviour":
 * {"status": 200}}], "environments": [{"name": "demo-blue", "cnamePrefix": "demo-app", "version":
 * "v1"}]}}. An environment has a name, a cnamePrefix, the version it runs, a tier (WebServer or
 * Worker), database (true adds an environment-managed RDS database) and tags.
 */
public record Seed(
    String application, List<SeedVersion> versions, List<SeedEnvironment> environments) {

  public record SeedVersion(String label, String behaviourJson) {}

  public record SeedEnvironment(
      String name,
      String cnamePrefix,
      String version,
      String tier,
      boolean database,
      Map<String, String> tags) {
    public SeedEnvironment(String name, String cnamePrefix, String version) {
      this(name, cnamePrefix, version, "WebServer", false, Map.of());
    }
  }

  /**
   * The usual pair: {@code <app>-blue} live on {@code <app>}, {@code <app>-green} on {@code
   * <app>-staging}, both on v1.
   */
  public static Seed pair(String application) {
    return new Seed(
        application,
        List.of(new SeedVersion("v1", null)),
        List.of(
            new SeedEnvironment(application + "-blue", application, "v1"),
            new SeedEnvironment(application + "-green", application + "-staging", "v1")));
  }

  /** One environment, {@code <app>-blue} live on {@code <app>} with v1: what clone starts from. */
  public static Seed single(String application) {
    return new Seed(
        application,
        List.of(new SeedVersion("v1", null)),
        List.of(new SeedEnvironment(application + "-blue", application, "v1")));
  }

  @SuppressWarnings("unchecked")
  public static Seed fromJson(String json) {
    Map<String, Object> m = Json.parseObject(json);
    String app = (String) m.get("application");
    if (app == null) {
      throw new IllegalArgumentException("seed file: \"application\" is required");
    }
    List<SeedVersion> versions = new ArrayList<>();
    for (Object o : (List<Object>) m.getOrDefault("versions", List.of())) {
      Map<String, Object> v = (Map<String, Object>) o;
      Object behaviour = v.get("behaviour");
      versions.add(
          new SeedVersion(
              (String) v.get("label"), behaviour == null ? null : Json.write(behaviour)));
    }
    List<SeedEnvironment> envs = new ArrayList<>();
    for (Object o : (List<Object>) m.getOrDefault("environments", List.of())) {
      Map<String, Object> e = (Map<String, Object>) o;
      Map<String, String> tags = new LinkedHashMap<>();
      ((Map<String, Object>) e.getOrDefault("tags", Map.of()))
          .forEach((k, v) -> tags.put(k, String.valueOf(v)));
      envs.add(
          new SeedEnvironment(
              (String) e.get("name"),
              (String) e.get("cnamePrefix"),
              (String) e.get("version"),
              (String) e.getOrDefault("tier", "WebServer"),
              Boolean.TRUE.equals(e.get("database")),
              tags));
    }
    return new Seed(app, versions, envs);
  }

  /** Applies the seed: the application, bundles in the storage bucket, versions, environments. */
  void applyTo(Backends backends) {
    Beanstalk beanstalk = backends.beanstalk();
    synchronized (backends.scheduler()) {
      beanstalk.seedApplication(application, "Seeded by bluegreen simulate");
      String bucket = beanstalk.createStorageLocation();
      for (SeedVersion v : versions) {
        String key = application + "/" + v.label() + ".zip";
        byte[] zip = bundle(v.behaviourJson());
        backends.s3().putObject(bucket, key, zip, "application/zip", Map.of());
        beanstalk.seedVersion(application, v.label(), "seeded", bucket, key);
      }
      for (SeedEnvironment e : environments) {
        beanstalk.seedEnvironment(
            application, e.name(), e.cnamePrefix(), e.version(), e.tier(), e.database(), e.tags());
      }
    }
  }

  /** A bundle zip with an index page and, when given, the simulator behaviour file. */
  public static byte[] bundle(String behaviourJson) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("index.html"));
      zip.write("<h1>hello</h1>\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      if (behaviourJson != null) {
        zip.putNextEntry(new ZipEntry(Behaviour.FILE_NAME));
        zip.write(behaviourJson.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
