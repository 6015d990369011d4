package dev.dxexporter.collect.bench;

/** The outcome of comparing a benchmark with its baseline. */
public enum RegressionVerdict {
  /** Worse beyond the threshold, and significantly so. */
  REGRESSED,
  /** Better beyond the threshold, and significantly so. */
  IMPROVED,
  /** Compared, with enough data: no significant change beyond the threshold. */
  UNCHANGED,
  /** Could not be judged (too few samples, no baseline, no direction): never read as "fine". */
  NOT_ENOUGH_DATA
}
