package com.smarttoaster.cli;

/**
 * Text from input files (a scenario's name) made safe for a terminal: a newline or an ANSI escape
 * in a name could otherwise forge result lines or recolour the screen. Control characters, line and
 * paragraph separators and bidirectional overrides are shown as {@code \\uXXXX} instead.
 */
final class PrintableText {
  private PrintableText() {}

  static String of(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (unsafe(c)) {
                sb.append(String.format("\\u%04x", c));
              } else {
                sb.appendCodePoint(c);
              }
            });
    return sb.toString();
  }

  private static boolean unsafe(int c) {
    return Character.isISOControl(c) // C0 (newline, ESC), DEL, C1 (CSI 0x9b)
        || c == 0x2028
        || c == 0x2029 // line and paragraph separators
        || (c >= 0x202a && c <= 0x202e) // bidirectional embeddings and overrides
        || (c >= 0x2066 && c <= 0x2069); // bidirectional isolates
  }
}
