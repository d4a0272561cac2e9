package dev.bluegreen.inputs;

import java.util.Optional;

/**
 * What every input value must be: one line of text. A line break in a value would let it forge
 * workflow commands (the runner reads {@code ::warning::} at the start of any output line, and also
 * splits lines at a lone CR); U+FFFD means bytes that were not UTF-8 were lost on the way in.
 */
final class InputText {
  private InputText() {}

  /** Why the (trimmed) value is refused, or empty when it is fine. */
  static Optional<String> problem(String value) {
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      if (Character.getType(cp) == Character.CONTROL || cp == 0x2028 || cp == 0x2029) {
        return Optional.of(
            "contains "
                + (cp == '\n' || cp == '\r' ? "a line break" : "a control character")
                + " ("
                + String.format("U+%04X", cp)
                + " at character "
                + (value.codePointCount(0, i) + 1)
                + "); an input is one line "
                + "of text");
      }
      if (cp == 0xFFFD) {
        return Optional.of(
            "is not valid UTF-8 text (U+FFFD at character "
                + (value.codePointCount(0, i) + 1)
                + "); "
                + "pass the value as UTF-8");
      }
      i += Character.charCount(cp);
    }
    return Optional.empty();
  }
}
