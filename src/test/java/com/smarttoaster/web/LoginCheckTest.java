package com.smarttoaster.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.config.PasswordHash;
import com.smarttoaster.hal.sim.SimClock;
import org.junit.jupiter.api.Test;

/** The password hash and the login check, on a stepped clock. */
class LoginCheckTest {
  @Test
  void aHashMatchesOnlyItsPasswordAndNamesItsProblems() {
    String line = PasswordHash.make("correct horse".toCharArray(), PasswordHash.MIN_ITERATIONS);
    assertTrue(line.startsWith("pbkdf2-sha256$100000$"), line);
    assertNull(PasswordHash.problemWith(line));
    assertTrue(PasswordHash.parse(line).matches("correct horse".toCharArray()));
    assertFalse(PasswordHash.parse(line).matches("correct horsE".toCharArray()));
    assertTrue(
        !line.equals(PasswordHash.make("correct horse".toCharArray(), PasswordHash.MIN_ITERATIONS)),
        "two hashes of one password share a salt");
    String weak = line.replace("$100000$", "$1000$");
    assertEquals(
        "the hash has 1000 iterations; expected 100000 to 10000000",
        PasswordHash.problemWith(weak));
  }

  @Test
  void afterFiveWrongLoginsEvenTheRightOneWaitsTenSeconds() {
    SimClock wall = new SimClock();
    LoginCheck check =
        LoginCheck.ofHash(
            PasswordHash.make("correct horse".toCharArray(), PasswordHash.MIN_ITERATIONS), wall);
    for (int i = 0; i < LoginCheck.FREE_FAILURES; i++) {
      assertEquals("wrong password", check.check("guess " + i));
    }
    assertEquals("too many wrong logins; try again in 10 s", check.check("correct horse"));
    wall.advance(9_000_000_000L);
    assertEquals("too many wrong logins; try again in 1 s", check.check("correct horse"));
    wall.advance(1_000_000_000L);
    assertNull(check.check("correct horse"));
    assertEquals(
        "wrong password", check.check("guess again"), "the count starts again after a good login");
  }

  @Test
  void aBearerIsAcceptedOnlyForATokenLogin() {
    SimClock wall = new SimClock();
    assertTrue(LoginCheck.ofToken("t".repeat(40), wall).acceptsBearer("t".repeat(40)));
    assertFalse(LoginCheck.ofToken("t".repeat(40), wall).acceptsBearer("t".repeat(39)));
    assertFalse(
        LoginCheck.ofHash(
                PasswordHash.make("correct horse".toCharArray(), PasswordHash.MIN_ITERATIONS), wall)
            .acceptsBearer("correct horse"));
  }
}
