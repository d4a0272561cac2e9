package dev.bluegreen.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.beanstalk.BeanstalkEvent;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureEventsTest {

  @ParameterizedTest
  @CsvSource(value = {
    "Failed to deploy application.|true",
    "The environment was reverted to the previous configuration setting.|true",
    "Update environment operation is complete, but with errors. For more information, see troubleshooting documentation.|true",
    "Create environment operation is complete, but with errors. For more information, see troubleshooting documentation.|true",
    "Environment health has been set to RED|true",
    "Failed to launch environment.|true",
    "Launched environment: x. However, there were issues during launch. See event log for details.|true",
    "Environment update completed successfully.|false",
    "Environment health has transitioned from Ok to Warning.|false",
    "Completed swapping CNAMEs for environments 'a' and 'b'.|false"}, delimiter = '|')
  void knownFailureEvents(String message, boolean failure) {
    BeanstalkEvent e = new BeanstalkEvent(Instant.EPOCH, "env", "req", "ERROR", message);
    assertThat(EnvironmentWaits.failureIn(e) != null).isEqualTo(failure);
  }
}
