package dev.dxexporter.collect.bench;

/**
 * criterion's comparison of the latest run with a baseline, {@code change/estimates.json}.
 *
 * <p>After a plain {@code cargo bench} criterion copies {@code new/} over the saved baseline
 * ({@code base/}, or the {@code --save-baseline} name), so that baseline then holds the latest run
 * and the change is against the run before it, whose samples are gone. With {@code --baseline NAME}
 * the named baseline stays untouched. {@link #baseline()} names the baseline whose samples
 * reproduce the change's mean point estimate, when one still does.
 *
 * @param current false when {@code change/estimates.json} is older than {@code new/estimates.json}
 *     (criterion writes it after them in the same run): a later run made no comparison (no baseline
 *     existed) and the change is stale
 * @param baseline the baseline directory the change was computed against, or null when its samples
 *     were overwritten
 */
public record CriterionChange(
    ChangeEstimate mean, ChangeEstimate median, boolean current, String baseline) {}
