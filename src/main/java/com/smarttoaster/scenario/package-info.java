/**
 * Scenario files: one simulated toasting cycle described in JSON (DESIGN.md section 5), read
 * strictly by {@link com.smarttoaster.scenario.ScenarioReader} into an immutable, validated {@link
 * com.smarttoaster.scenario.Scenario}.
 */
package com.smarttoaster.scenario;
