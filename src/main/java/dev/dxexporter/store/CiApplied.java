package dev.dxexporter.store;

/**
 * What applying a {@link CiBatch} did.
 *
 * @param duplicate the delivery id was applied before: nothing was looked at
 * @param changed runs and jobs stored or replaced (a late or repeated description changes nothing)
 * @param finished run attempts that became finished and were added to the tally
 */
public record CiApplied(boolean duplicate, int changed, int finished) {}
