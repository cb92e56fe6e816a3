package io.agentic.analytics.dashboard;

/** Figures rounded for display: rates to 4 decimals, dollars to 6 (a millionth of a dollar). */
final class Rounding {

  private Rounding() {}

  static Double rate(Double rate) {
    return rate == null ? null : Math.round(rate * 10_000) / 10_000.0;
  }

  static double usd(double usd) {
    return Math.round(usd * 1_000_000) / 1_000_000.0;
  }
}
