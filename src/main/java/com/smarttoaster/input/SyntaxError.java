package com.smarttoaster.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text is not well-formed JSON or YAML. The message is written for the person who edits the
 * file: a line and column and what the parser expected, never a parser class name.
 */
public final class SyntaxError extends Exception {
  private static final long serialVersionUID = 1L;
  private static final Pattern BACKTICKED = Pattern.compile("\\s*`[^`]*`");
  private static final Pattern SOURCE =
      Pattern.compile("\\s*\\(?start marker at \\[Source:[^\\]]*\\][^)]*\\)?");
  private static final Pattern SOURCE_ANY = Pattern.compile("\\[Source:[^\\]]*\\]");
  private static final Pattern PARSER_EVENT = Pattern.compile("<org\\.yaml[^>]*>");
  private static final Pattern ENABLE_HINT =
      Pattern.compile(":?\\s*enable\\s*(`[^`]*`)?\\s*to allow.*");
  private static final Pattern LEAKS =
      Pattern.compile(
          "(?i).*(com\\.fasterxml|org\\.yaml|jackson|snakeyaml|exception|\\bclass\\b|java\\.).*");
  private static final int MAX_TEXT = 200;

  private final int line;
  private final int column;
  private final String problem;

  public SyntaxError(int line, int column, String problem) {
    super(problem);
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  /** Translates a parser's complaint into a user message. */
  static SyntaxError from(JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    int line = loc == null ? -1 : loc.getLineNr();
    int column = loc == null ? -1 : loc.getColumnNr();
    return new SyntaxError(line, column, clean(e.getOriginalMessage()));
  }

  /** 1-based line, or -1 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column, or -1 when unknown. */
  public int column() {
    return column;
  }

  /** What is wrong, without position. */
  public String problem() {
    return problem;
  }

  /** "at line 3, column 7: <problem>" or just the problem when the position is unknown. */
  public String describe() {
    return line > 0 ? "at line " + line + ", column " + column + ": " + problem : problem;
  }

  static String clean(String raw) {
    if (raw == null || raw.isBlank()) {
      return "the text could not be parsed";
    }
    if (raw.contains("Non-standard token") && (raw.contains("NaN") || raw.contains("Infinity"))) {
      return "NaN and Infinity are not numbers here; write a finite number";
    }
    if (raw.toLowerCase(Locale.ROOT).contains("malformed numeric value")) {
      return "a number is written in a form that is not allowed; write plain decimal numbers like 280 or 0.05";
    }
    // Multi-line YAML messages: keep the sentences, drop the source excerpts and "in 'reader'"
    // lines.
    List<String> kept = new ArrayList<>();
    for (String l : raw.split("\\R")) {
      if (l.isBlank() || l.startsWith(" in '") || l.startsWith("    ") || l.trim().equals("^")) {
        continue;
      }
      kept.add(l.trim());
    }
    String text = String.join("; ", kept);
    text = ENABLE_HINT.matcher(text).replaceAll("");
    text = SOURCE.matcher(text).replaceAll("");
    text = SOURCE_ANY.matcher(text).replaceAll("");
    text = PARSER_EVENT.matcher(text).replaceAll("a list or mapping");
    text = BACKTICKED.matcher(text).replaceAll("");
    text =
        text.replace(" (Scalar value in YAML)", "")
            .replaceAll("\\s+", " ")
            .replaceAll("\\p{Cntrl}", "?")
            .trim();
    if (text.isEmpty() || LEAKS.matcher(text).matches()) {
      return "the text could not be parsed";
    }
    if (text.length() > MAX_TEXT) {
      text = text.substring(0, MAX_TEXT) + "...";
    }
    return text;
  }
}
