package com.smarttoaster.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web package cannot start heat, reset a fault or install a model, read from its compiled
 * classes: no class of it names the start command, a front-panel event (the reset button is one),
 * the supervisor's reset, the heater or latch ports, or the model store's install, activate or
 * rollback. A change that adds such a call fails here, whatever the page's buttons say.
 */
class WebCannotStartHeatTest {
  static final List<String> FORBIDDEN_CLASSES =
      List.of(
          "com/smarttoaster/control/RemoteCommand$Start",
          "com/smarttoaster/hal/UserEvent",
          "com/smarttoaster/hal/HeaterSwitch",
          "com/smarttoaster/hal/CarriageLatch",
          "com/smarttoaster/safety/ResetKind",
          "com/smarttoaster/modellife/BundleSigner");
  static final List<String> FORBIDDEN_NAMES =
      List.of("install", "activate", "rollback", "reset", "pushLever");

  @Test
  void noWebClassNamesAWayToHeatResetOrInstall() throws IOException {
    Path dir = Path.of("target/classes/com/smarttoaster/web");
    List<Path> classes;
    try (Stream<Path> s = Files.list(dir)) {
      classes = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
    assertTrue(classes.size() > 10, "compiled web classes not found in " + dir);
    List<String> found = new ArrayList<>();
    for (Path c : classes) {
      Set<String> strings = constantStrings(c);
      for (String f : FORBIDDEN_CLASSES) {
        if (strings.stream()
            .anyMatch(s -> s.equals(f) || s.contains("L" + f + ";") || s.startsWith(f + "$"))) {
          found.add(c.getFileName() + " names " + f);
        }
      }
      for (String n : FORBIDDEN_NAMES) {
        if (strings.contains(n)) {
          found.add(c.getFileName() + " names " + n);
        }
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void theCheckSeesWhatItLooksFor() throws IOException {
    // The same reading finds what the web package does use, so an empty result above means
    // something.
    Set<String> strings =
        constantStrings(Path.of("target/classes/com/smarttoaster/web/PageToaster.class"));
    assertTrue(
        strings.contains("com/smarttoaster/control/RemoteCommand$Cancel"), strings.toString());
    assertTrue(strings.contains("submit"), strings.toString());
  }

  /**
   * The UTF-8 entries of a class file's constant pool (JVMS §4.4): class, method and field names.
   */
  static Set<String> constantStrings(Path classFile) throws IOException {
    Set<String> out = new HashSet<>();
    try (InputStream raw = Files.newInputStream(classFile);
        DataInputStream in = new DataInputStream(raw)) {
      in.readInt(); // magic
      in.readUnsignedShort();
      in.readUnsignedShort();
      int count = in.readUnsignedShort();
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> out.add(in.readUTF());
          case 3, 4 -> in.readInt();
          case 5, 6 -> {
            in.readLong();
            i++; // takes two entries
          }
          case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
          case 9, 10, 11, 12, 17, 18 -> in.readInt();
          case 15 -> {
            in.readUnsignedByte();
            in.readUnsignedShort();
          }
          default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
        }
      }
    }
    return out;
  }
}
