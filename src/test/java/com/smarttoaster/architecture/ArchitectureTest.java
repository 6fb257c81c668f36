package com.smarttoaster.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.smarttoaster.hal.CarriageLatch;
import com.smarttoaster.hal.DeadManTrigger;
import com.smarttoaster.hal.HeaterSwitch;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of the README's "How it is built" section, checked on the compiled main classes.
 * A rule here is the rule: if the README and this class disagree, one of them is wrong.
 *
 * <p>Packages that do not exist yet (web, fleet, monitoring, taste) are named on purpose, so that
 * the first class someone adds there is already held by the rules that concern it.
 */
class ArchitectureTest {

  /** The main classes only, imported once for all rules. */
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.smarttoaster");

  private static final String ROOT = "com.smarttoaster.";

  /**
   * The fail-safe paths outside safety that may command the relay or the latch: each one only
   * switches off (the compiler cannot see the argument, so they are named here and nowhere else).
   */
  private static final Set<String> FAIL_SAFE_OFF_PATHS =
      Set.of("com.smarttoaster.hal.pi.PiAppliance.close()");

  // --- Only safety turns heat on or holds the carriage -------------------------------------------

  private static final ArchRule onlySafetySwitchesTheHeater =
      noClasses()
          .that(outside("safety"))
          .should()
          .callMethodWhere(target(HeaterSwitch.class, "set").and(notFromFailSafePath()))
          .because(
              "only the safety supervisor turns heat on; switching off elsewhere is limited to"
                  + " the named fail-safe paths");

  private static final ArchRule onlySafetyHoldsTheCarriage =
      noClasses()
          .that(outside("safety"))
          .should()
          .callMethodWhere(target(CarriageLatch.class, "hold").and(notFromFailSafePath()))
          .because(
              "holding the carriage closes its mains contacts: only the safety supervisor may");

  private static final ArchRule onlySafetyReleasesTheCarriage =
      noClasses()
          .that(outside("safety"))
          .should()
          .callMethodWhere(target(CarriageLatch.class, "release").and(notFromFailSafePath()))
          .because("the carriage is released by the supervisor or a named fail-safe path");

  private static final ArchRule onlySafetyFeedsTheDeadMan =
      noClasses()
          .that(outside("safety"))
          .should()
          .callMethodWhere(target(DeadManTrigger.class, "toggle"))
          .because("the dead-man keeps heat possible; only the supervisor's loop may feed it");

  // --- Directions between layers ----------------------------------------------------------------

  private static final ArchRule halImportsNothingAboveIt =
      noClasses()
          .that()
          .resideInAPackage(ROOT + "hal..")
          .should()
          .dependOnClassesThat(
              describe(
                  "are in a project package other than hal or toast",
                  (JavaClass c) ->
                      c.getPackageName().startsWith(ROOT) && !inAny(c, "hal", "toast")))
          .because(
              "ports and their implementations sit at the bottom: hal knows bread and settings"
                  + " (toast), nothing above it");

  private static final ArchRule predictKnowsNoAppliance =
      noClasses()
          .that()
          .resideInAPackage(ROOT + "predict..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + "hal.sim..",
              ROOT + "hal.pi..",
              ROOT + "hal.emulated..",
              ROOT + "simulation..",
              ROOT + "config..",
              ROOT + "control..",
              ROOT + "safety..")
          .because(
              "the device's predictor must not know the simulator (the oracle lives in evaluation)");

  private static final ArchRule safetyKnowsOnlyPorts =
      noClasses()
          .that()
          .resideInAPackage(ROOT + "safety..")
          .should()
          .dependOnClassesThat(
              describe(
                  "are in a project package other than safety, hal's" + " ports or toast",
                  (JavaClass c) ->
                      c.getPackageName().startsWith(ROOT)
                          && !inAny(c, "safety", "toast")
                          && !c.getPackageName().equals(ROOT + "hal")))
          .because("the supervisor reads ports and vetoes; it takes advice from nothing above it");

  private static final ArchRule controlDoesNotReadConfig =
      noClasses()
          .that()
          .resideInAPackage(ROOT + "control..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + "config..",
              ROOT + "hal.sim..",
              ROOT + "hal.pi..",
              ROOT + "hal.emulated..",
              ROOT + "remote..",
              ROOT + "cli..",
              ROOT + "service..",
              ROOT + "appliance..",
              ROOT + "simulation..")
          .because("the controller gets validated settings, not the config file's records");

  private static final ArchRule remoteDoesNotKnowTheService =
      noClasses()
          .that()
          .resideInAPackage(ROOT + "remote..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + "service..",
              ROOT + "cli..",
              ROOT + "appliance..",
              ROOT + "simulation..",
              ROOT + "hal.sim..",
              ROOT + "hal.pi..",
              ROOT + "hal.emulated..")
          .because(
              "remote reports and forwards commands; the process around it is wired from above");

  private static final ArchRule outsidersDoNotTouchHardware =
      noClasses()
          .that()
          .resideInAnyPackage(
              ROOT + "web..",
              ROOT + "fleet..",
              ROOT + "monitoring..",
              ROOT + "taste..",
              ROOT + "remote..",
              ROOT + "history..")
          .should()
          .dependOnClassesThat(
              describe(
                  "are hal's output ports or the supervisor's workings",
                  (JavaClass c) ->
                      c.isAssignableTo(HeaterSwitch.class)
                          || c.isAssignableTo(CarriageLatch.class)
                          || c.isAssignableTo(DeadManTrigger.class)
                          || (c.getPackageName().startsWith(ROOT + "hal.") && !isPhysicsOnly(c))))
          .allowEmptyShould(true)
          .because(
              "web pages, fleets, monitoring and taste read state and send commands; they never"
                  + " hold a switch (the fleet's simulated field toasters may ask the simulator's physics"
                  + " what shade a time gives: ShadeOracle and ApplianceConditions switch nothing)");

  /** The simulator's physics as a function: conditions in, a shade out; no port, no appliance. */
  private static boolean isPhysicsOnly(JavaClass c) {
    return c.getName().equals(ROOT + "hal.sim.ShadeOracle")
        || c.getName().equals(ROOT + "hal.sim.ApplianceConditions");
  }

  private static final ArchRule noPackageCycles =
      slices()
          .matching(ROOT + "(**)")
          .should()
          .beFreeOfCycles()
          .because("a package cycle means neither side can be understood or tested alone");

  // --- the rules as tests ---------------------------------------------------------------------

  @Test
  void onlySafetySwitchesTheHeater() {
    onlySafetySwitchesTheHeater.check(MAIN);
  }

  @Test
  void onlySafetyHoldsTheCarriage() {
    onlySafetyHoldsTheCarriage.check(MAIN);
  }

  @Test
  void onlySafetyReleasesTheCarriage() {
    onlySafetyReleasesTheCarriage.check(MAIN);
  }

  @Test
  void onlySafetyFeedsTheDeadMan() {
    onlySafetyFeedsTheDeadMan.check(MAIN);
  }

  @Test
  void halImportsNothingAboveIt() {
    halImportsNothingAboveIt.check(MAIN);
  }

  @Test
  void predictKnowsNoAppliance() {
    predictKnowsNoAppliance.check(MAIN);
  }

  @Test
  void safetyKnowsOnlyPorts() {
    safetyKnowsOnlyPorts.check(MAIN);
  }

  @Test
  void controlDoesNotReadConfig() {
    controlDoesNotReadConfig.check(MAIN);
  }

  @Test
  void remoteDoesNotKnowTheService() {
    remoteDoesNotKnowTheService.check(MAIN);
  }

  @Test
  void outsidersDoNotTouchHardware() {
    outsidersDoNotTouchHardware.check(MAIN);
  }

  @Test
  void noPackageCycles() {
    noPackageCycles.check(MAIN);
  }

  // --- helpers -----------------------------------------------------------------------------------

  private static DescribedPredicate<JavaClass> outside(String layer) {
    return resideOutsideOfPackage(ROOT + layer + "..");
  }

  private static boolean inAny(JavaClass c, String... layers) {
    for (String layer : layers) {
      String pkg = ROOT + layer;
      if (c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + ".")) {
        return true;
      }
    }
    return false;
  }

  private static DescribedPredicate<JavaMethodCall> target(Class<?> port, String method) {
    return describe(
        "the target is " + port.getSimpleName() + "." + method,
        (JavaMethodCall call) ->
            call.getTargetOwner().isAssignableTo(port)
                && call.getName().equals(method)
                // an implementation (or a decorator) of the port drives its own output: the
                // supervisor's
                // command passing through, or the off state it starts in
                && !call.getOriginOwner().isAssignableTo(port));
  }

  private static DescribedPredicate<JavaAccess<?>> notFromFailSafePath() {
    return describe(
        "the caller is not a named fail-safe path",
        (JavaAccess<?> access) -> {
          var origin = access.getOrigin();
          String name = origin.getOwner().getName() + "." + origin.getName() + "()";
          return !FAIL_SAFE_OFF_PATHS.contains(name);
        });
  }
}
