package dev.bluegreen.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.waiting.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

class SimulatorSmokeIT {
  @Test
  void sdkTalksToSimulator() throws Exception {
    VirtualTime time = new VirtualTime(Instant.parse("2026-01-01T00:00:00Z"));
    try (Simulator sim = Simulator.startVirtual(time, Timings.realistic(), 1); SdkClients c = new SdkClients(sim)) {
      c.eb.createApplication(r -> r.applicationName("app"));
      String bucket = c.eb.createStorageLocation(r -> {}).s3Bucket();
      c.s3.putObject(r -> r.bucket(bucket).key("app/v1.zip"), RequestBody.fromBytes(Seed.bundle(null)));
      c.eb.createApplicationVersion(r -> r.applicationName("app").versionLabel("v1").sourceBundle(s -> s.s3Bucket(bucket).s3Key("app/v1.zip")));
      var env = c.eb.createEnvironment(r -> r.applicationName("app").environmentName("app-blue").cnamePrefix("my-app").versionLabel("v1").solutionStackName("x"));
      System.out.println(env);
      time.advance(Duration.ofMinutes(6));
      System.out.println(c.eb.describeEnvironments(r -> r.applicationName("app")).environments());
      System.out.println(c.eb.describeEvents(r -> r.applicationName("app")).events());
      System.out.println(sim.calls().all());
      c.s3VirtualHost.putObject(r -> r.bucket(bucket).key("app/v2.zip"), RequestBody.fromBytes(Seed.bundle("{\"status\":500}")));
      assertThat(sim.cloud().object(bucket, "app/v2.zip")).isPresent();
    }
  }
}
