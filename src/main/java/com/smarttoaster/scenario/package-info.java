/**
 * Scenario files: one simulated toasting cycle described in JSON (docs/contracts.md §2), read
 * strictly by {@link com.smarttoaster.scenario.ScenarioReader} into an immutable, validated {@link
 * com.smarttoaster.scenario.Scenario}.
 */
package com.smarttoaster.scenario;
