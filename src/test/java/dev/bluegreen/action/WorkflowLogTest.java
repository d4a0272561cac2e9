package dev.bluegreen.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkflowLogTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final WorkflowLog log =
      new WorkflowLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void annotationsAreEscapedAsTheRunnerUnescapes() {
    log.error("100% broken\r\nsecond line");
    assertThat(text()).isEqualTo("::error::100%25 broken%0D%0Asecond line\n");
    assertThat(WorkflowCommands.escapeProperty("a:b,c%")).isEqualTo("a%3Ab%2Cc%25");
  }

  @Test
  @SuppressWarnings("try") // the section is there to be closed: it ends the log group
  void groupsOpenAndClose() {
    try (var g = log.group("deploy-standby: Deploy v2")) {
      log.info("inside");
    }
    assertThat(text()).isEqualTo("::group::deploy-standby: Deploy v2\ninside\n::endgroup::\n");
  }

  @Test
  void aMaskedSecretIsRegisteredOnceAndNeverPrintedAgain() {
    log.mask("s3cr3t-value");
    log.mask("s3cr3t-value");
    log.info("token is s3cr3t-value");
    log.warning("s3cr3t-value leaked?");
    assertThat(text())
        .isEqualTo("::add-mask::s3cr3t-value\ntoken is ***\n::warning::*** leaked?\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "::warning::forged",
        "  ::warning::forged",
        "\u00a0::warning::forged",
        "\u200b::warning::forged",
        ":\u200b:warning::forged",
        "ok\n::warning::forged",
        "ok\r::warning::forged",
        "ok\r\n \t::warning::forged",
        "x ##[set-output name=result;]forged",
        "x #\u200b#[warning]forged",
        "x ##\ufe0f[warning]forged"
      })
  void textFromInputsOrAwsNeverBecomesACommand(String text) {
    log.info(text);
    assertThat(RunnerCommands.in(text())).isEmpty();
    assertThat(text()).contains("forged");
  }

  @Test
  void theDefusedTextStaysReadable() {
    log.info("events:\n::warning::forged\nlabel ##[set-output name=x]y");
    assertThat(text()).isEqualTo("events:\n> ::warning::forged\nlabel ## [set-output name=x]y\n");
  }

  @Test
  void annotationsFromUntrustedTextStayOneCommand() {
    log.error("failed: ok\r\n::warning::forged ##[set-output name=result;]x");
    assertThat(RunnerCommands.in(text()))
        .containsExactly("error::failed: ok%0D%0A::warning::forged ##[set-output name=result;]x");
  }

  @Test
  void debugLinesOnlyWhenDebugging() {
    log.debug("hidden");
    assertThat(text()).isEmpty();
    new WorkflowLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), true).debug("a\nb");
    assertThat(text()).isEqualTo("::debug::a\n::debug::b\n");
  }
}
