package dev.bluegreen.deploy;

import dev.bluegreen.beanstalk.ApplicationVersion;
import dev.bluegreen.beanstalk.BeanstalkEvent;
import dev.bluegreen.beanstalk.BeanstalkGateway;
import dev.bluegreen.beanstalk.Environment;
import dev.bluegreen.beanstalk.NewEnvironment;
import dev.bluegreen.beanstalk.OptionSetting;
import dev.bluegreen.beanstalk.StoredObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Environments held in a list; every operation the runner itself does not need refuses loudly. */
class FakeGateway implements BeanstalkGateway {
  final List<Environment> environments = new ArrayList<>();

  static Environment env(String name, String cname, String status, String health, String version) {
    return new Environment(name, "e-" + name, "app", version, cname, "lb-" + name, status, health, "Ok", "WebServer",
        "arn:" + name, null, null, null, Instant.EPOCH);
  }

  @Override
  public List<Environment> environments(String application, Collection<String> names) {
    return environments.stream().filter(e -> names.contains(e.name())).toList();
  }

  @Override
  public List<Environment> environments(String application) {
    return List.copyOf(environments);
  }

  @Override
  public List<BeanstalkEvent> events(String application, String environmentName, String requestId, Instant since, int limit) {
    return List.of();
  }

  private static UnsupportedOperationException no() {
    return new UnsupportedOperationException("not used by this test");
  }

  @Override
  public Optional<ApplicationVersion> version(String application, String label) {
    throw no();
  }

  @Override
  public List<ApplicationVersion> versions(String application) {
    throw no();
  }

  @Override
  public Map<String, String> tags(String arn) {
    throw no();
  }

  @Override
  public List<OptionSetting> optionSettings(String application, String environmentName) {
    throw no();
  }

  @Override
  public List<String> templates(String application) {
    throw no();
  }

  @Override
  public boolean applicationExists(String application) {
    throw no();
  }

  @Override
  public String storageBucket() {
    throw no();
  }

  @Override
  public Optional<StoredObject> headObject(String bucket, String key) {
    throw no();
  }

  @Override
  public void upload(String bucket, String key, Path file, Map<String, String> metadata) {
    throw no();
  }

  @Override
  public void createVersion(String application, String label, String description, String bucket, String key,
      Map<String, String> tags) {
    throw no();
  }

  @Override
  public void deleteVersion(String application, String label, boolean deleteBundle) {
    throw no();
  }

  @Override
  public String deploy(String environmentName, String versionLabel) {
    throw no();
  }

  @Override
  public String swapCnames(String environmentA, String environmentB) {
    throw no();
  }

  @Override
  public String terminate(String environmentName) {
    throw no();
  }

  @Override
  public void createTemplate(String application, String templateName, String environmentId, String description) {
    throw no();
  }

  @Override
  public void deleteTemplate(String application, String templateName) {
    throw no();
  }

  @Override
  public Created createEnvironment(NewEnvironment spec) {
    throw no();
  }
}
