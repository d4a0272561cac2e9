package dev.bluegreen.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CnamesTest {

  @ParameterizedTest
  @CsvSource({
    "my-app.us-east-1.elasticbeanstalk.com, my-app, true",
    "my-app.us-east-1.elasticbeanstalk.com, My-App, true",
    "my-app.elasticbeanstalk.com, my-app, true",
    "my-app.us-east-1.elasticbeanstalk.com, my-app.us-east-1.elasticbeanstalk.com, true",
    "my-app.us-east-1.elasticbeanstalk.com, https://my-app.us-east-1.elasticbeanstalk.com/, true",
    "my-app.us-east-1.elasticbeanstalk.com, my-app.us-east-1.elasticbeanstalk.com., true",
    "my-app-staging.us-east-1.elasticbeanstalk.com, my-app, false",
    "my-app.eba-abcdefgh.us-east-1.elasticbeanstalk.com, my-app, false",
    "my-app.us-west-2.elasticbeanstalk.com, my-app.us-east-1.elasticbeanstalk.com, false"
  })
  void matches(String cname, String wanted, boolean matches) {
    assertThat(Cnames.matches(cname, wanted)).isEqualTo(matches);
  }
}
