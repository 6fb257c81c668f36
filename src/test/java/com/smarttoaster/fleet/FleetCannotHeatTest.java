package com.smarttoaster.fleet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Nothing in the fleet path can start heat: no fleet class (collector, dataset, rollout, the
 * device's offer handler, the field toaster) reaches the supervisor, the controller, the heater or
 * latch ports, the appliance assemblies, the Pi hardware, or the remote's command intake. The
 * fleet's only way into a device is a model offer, which ends in the model store. (The broker side
 * of the same promise, that the fleet's users cannot publish a command, is FleetAclTest.)
 */
class FleetCannotHeatTest {
  private static final JavaClasses FLEET =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.smarttoaster.fleet", "com.smarttoaster.cli");

  @Test
  void fleetClassesReachNoHeatPath() {
    noClasses()
        .that()
        .resideInAPackage("com.smarttoaster.fleet..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.smarttoaster.safety..",
            "com.smarttoaster.control..",
            "com.smarttoaster.appliance..",
            "com.smarttoaster.hal.pi..",
            "com.smarttoaster.service..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("com.smarttoaster.hal.HeaterSwitch")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("com.smarttoaster.hal.CarriageLatch")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("com.smarttoaster.hal.sim.SimulatedAppliance")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleNameStartingWith("Command")
        .because("the fleet reads events and offers models; heat is the supervisor's alone")
        .check(FLEET);
  }

  @Test
  void theFleetCommandsReachNoHeatPathEither() {
    noClasses()
        .that()
        .haveSimpleNameStartingWith("Fleet")
        .and()
        .resideInAPackage("com.smarttoaster.cli")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.smarttoaster.safety..",
            "com.smarttoaster.control..",
            "com.smarttoaster.appliance..",
            "com.smarttoaster.hal..",
            "com.smarttoaster.service..")
        .check(FLEET);
  }
}
