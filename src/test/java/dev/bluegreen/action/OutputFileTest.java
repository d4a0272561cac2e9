package dev.bluegreen.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {

  @TempDir Path dir;

  @Test
  void singleLineValuesAreNameEqualsValue_multiLineOnesAHeredocWithARandomDelimiter()
      throws Exception {
    Path file = dir.resolve("out");
    OutputFile out = new OutputFile(file);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("result", "promoted");
    values.put("notes", "line one\nline two");
    values.put("weird", "a=b<<c");

    out.update(values);

    String text = Files.readString(file);
    assertThat(text).startsWith("result=promoted\nnotes<<ghadelimiter_");
    assertThat(text).doesNotContain("\r");
    assertThat(dev.bluegreen.scenarios.RunnerFilesAccess.parse(text)).isEqualTo(values);
  }

  @Test
  void onlyChangedValuesAreAppendedAndTheLastOneWins() throws Exception {
    Path file = dir.resolve("out");
    OutputFile out = new OutputFile(file);
    out.update(Map.of("live-environment", "blue", "result", "x"));
    out.update(Map.of("live-environment", "blue"));
    out.update(Map.of("live-environment", "green"));

    String text = Files.readString(file);
    assertThat(text.lines().filter(l -> l.startsWith("live-environment=")).count()).isEqualTo(2);
    assertThat(dev.bluegreen.scenarios.RunnerFilesAccess.parse(text))
        .containsEntry("live-environment", "green");
  }
}
