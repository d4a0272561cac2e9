package dev.bluegreen.simulator.beanstalk;

import dev.bluegreen.json.Json;
import dev.bluegreen.simulator.s3.Content;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * How a simulated application version behaves, read from {@code bluegreen-simulator.json} at the
 * root of its bundle. Without that file the app is healthy and answers 200 with its version label.
 *
 * @param status HTTP status every request gets
 * @param deployFails the deployment fails on the instances and Elastic Beanstalk reverts it
 * @param body response body; null means the version label
 * @param redAfterSeconds seconds after the version starts running when it degrades (health Red,
 *     requests answered 503); negative means never
 */
public record Behaviour(int status, boolean deployFails, String body, long redAfterSeconds) {

  public static final String FILE_NAME = "bluegreen-simulator.json";
  public static final Behaviour HEALTHY = new Behaviour(200, false, null, -1);

  /**
   * The behaviour of a stored bundle: one in a file (a large upload) is looked up in the zip's
   * central directory instead of being read through.
   */
  public static Behaviour fromBundle(Content bundle) {
    if (bundle.file().isEmpty()) {
      return fromBundle(bundle.bytes());
    }
    try (ZipFile zip = new ZipFile(bundle.file().get().toFile())) {
      ZipEntry entry = zip.getEntry(FILE_NAME);
      if (entry == null) {
        return HEALTHY;
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException | IllegalArgumentException e) {
      return HEALTHY;
    }
  }

  public static Behaviour fromBundle(byte[] bundle) {
    if (bundle == null || bundle.length == 0) {
      return HEALTHY;
    }
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if (entry.getName().equals(FILE_NAME)) {
          return fromJson(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return HEALTHY;
    }
    return HEALTHY;
  }

  public static Behaviour fromJson(String json) {
    Map<String, Object> m = Json.parseObject(json);
    int status = m.get("status") instanceof Number n ? n.intValue() : 200;
    boolean fails = "fail".equals(m.get("deploy"));
    String body = m.get("body") instanceof String s ? s : null;
    long red = m.get("redAfterSeconds") instanceof Number n ? n.longValue() : -1;
    return new Behaviour(status, fails, body, red);
  }

  public boolean serverErrors() {
    return status >= 500;
  }
}
