package com.smarttoaster.testkit;

import com.smarttoaster.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the command line in this JVM, as a user would type it: its exit code and what it
 * printed.
 */
public record CliRun(int code, String out, String err) {
  /** Runs {@code smart-toaster args...}. */
  public static CliRun of(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
