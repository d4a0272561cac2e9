package dev.bluegreen.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void readsObjectsAsPlainJavaValues() {
    String text = "{\"a\":[1,2.5,true,null,\"x\\ny\\\"z\\u00e9\"],\"b\":{},\"c\":-3e2}";
    Map<String, Object> value = Json.parseObject(text);
    assertThat(value)
        .isEqualTo(
            Map.of(
                "a", Arrays.asList(1L, 2.5, true, null, "x\ny\"zé"), "b", Map.of(), "c", -300.0));
    assertThat(value.keySet()).containsExactly("a", "b", "c");
    assertThat(Json.parseObject(Json.write(value))).isEqualTo(value);
  }

  @Test
  void writesStepsOutputCompactly() {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("id", "deploy-standby");
    step.put("status", "failed");
    step.put("seconds", 1.2);
    assertThat(Json.write(List.of(step)))
        .isEqualTo("[{\"id\":\"deploy-standby\",\"status\":\"failed\",\"seconds\":1.2}]");
    assertThat(Json.write(List.of(0.0, 12.0, 1234567.8, 7L))).isEqualTo("[0.0,12.0,1234567.8,7]");
  }

  @Test
  void escapesStrings() {
    assertThat(Json.write("a\"b\\c\nd\te\u0001é")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001é\"");
  }

  @Test
  void rejectsBrokenInputOnOneLineSayingWhere() {
    assertThatThrownBy(() -> Json.parseObject("{\"a\": }"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid JSON at line 1, column 7: ");
    assertThatThrownBy(() -> Json.parseObject("{\n\"a\": 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid JSON at line 2, column 7: Unexpected end-of-input: expected close marker for Object "
                + "(start marker at [line: 1, column: 1])");
    assertThatThrownBy(() -> Json.parseObject("{} 2"))
        .hasMessage("invalid JSON at line 1, column 4: unexpected text after the value");
    assertThatThrownBy(() -> Json.parseObject("{} x"))
        .hasMessageStartingWith("invalid JSON at line 1, column 4: ");
    assertThatThrownBy(() -> Json.parseObject(" "))
        .hasMessage("invalid JSON: the document is empty");
    assertThatThrownBy(() -> Json.parseObject("[1]")).hasMessage("expected a JSON object");
    assertThatThrownBy(() -> Json.parseObject("{\"a\":" + "[".repeat(100_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nesting depth");
  }
}
