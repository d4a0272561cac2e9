package dev.bluegreen.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void roundTrip() {
    String text = "{\"a\":[1,2.5,true,null,\"x\\ny\\\"z\\u00e9\"],\"b\":{}}";
    Object value = Json.parse(text);
    assertThat(value).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, 2.5, true, null, "x\ny\"zé"), "b", Map.of()));
    assertThat(Json.parse(Json.write(value))).isEqualTo(value);
  }

  @Test
  void writesStepsOutputCompactly() {
    assertThat(Json.write(List.of(Map.of("id", "swap-cnames")))).isEqualTo("[{\"id\":\"swap-cnames\"}]");
  }

  @Test
  void rejectsBrokenInputWithAPosition() {
    assertThatThrownBy(() -> Json.parse("{\"a\": }")).hasMessageContaining("character 7");
    assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("unexpected text after the value");
  }
}
