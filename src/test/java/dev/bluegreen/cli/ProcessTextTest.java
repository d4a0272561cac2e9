package dev.bluegreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProcessTextTest {

  private static byte[] block(byte[]... entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] e : entries) {
      out.writeBytes(e);
      out.write(0);
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void environmentValuesAreUtf8WhateverTheLocale() {
    byte[] environ =
        block(
            utf8("INPUT_VERSION-LABEL=v-é🚀"),
            utf8("EMPTY="),
            utf8("A=b=c"),
            new byte[] {'L', '=', (byte) 0xE9});
    assertThat(ProcessText.environment(environ))
        .containsEntry("INPUT_VERSION-LABEL", "v-é🚀")
        .containsEntry("EMPTY", "")
        .containsEntry("A", "b=c")
        .containsEntry("L", "\uFFFD");
  }

  @Test
  void argumentsAreReadAgainOnlyWhenTheJvmLostCharacters() {
    String[] fine = {"deploy", "--version-label", "v2"};
    assertThat(ProcessText.arguments(fine)).isSameAs(fine);
    byte[] cmdline =
        block(
            utf8("java"),
            utf8("-jar"),
            utf8("bluegreen.jar"),
            utf8("deploy"),
            utf8("--version-label"),
            utf8("v-é🚀"));
    assertThat(
            ProcessText.arguments(
                new String[] {"deploy", "--version-label", "v-\uFFFD\uFFFD"}, cmdline))
        .containsExactly("deploy", "--version-label", "v-é🚀");
  }
}
