package com.smarttoaster.safety;

final class EnergyBalanceCheck implements SafetyCheck {
  EnergyBalanceCheck(SafetyLimits limits) {}

  @Override
  public Fault evaluate(TickFacts facts) {
    return null;
  }

  @Override
  public void onReset(long nowNanos) {}
}
