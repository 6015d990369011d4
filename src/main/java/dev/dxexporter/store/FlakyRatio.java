package dev.dxexporter.store;

/**
 * Flaky test cases over a window: {@code flakyCases} of the {@code distinctCases} seen in it, from
 * {@code reports} test reports (so the caller can say a window has too few runs to judge).
 */
public record FlakyRatio(long flakyCases, long distinctCases, long reports) {
  /** flakyCases / distinctCases, 0 when the window saw no case. */
  public double ratio() {
    return distinctCases == 0 ? 0.0 : (double) flakyCases / distinctCases;
  }
}
