package dev.dxexporter.collect.bench;

/** How a {@link RegressionResult} was decided. */
public enum RegressionMethod {
  /** criterion's own {@code change/estimates.json} interval against its noise threshold. */
  CRITERION,
  /** Welch's t-test on two samples (means). */
  WELCH_T,
  /** Mann–Whitney U on two samples (medians for the change). */
  MANN_WHITNEY_U,
  /** One new value against past values: Student's t prediction interval. */
  PREDICTION_T,
  /** One new value against past values: its rank among them (exact permutation p). */
  RANK,
  /** Nothing to compute with. */
  NONE
}
