/**
 * GitHub Actions as a source, without transport or scheduling of its own.
 *
 * <ul>
 *   <li>Webhooks: {@link dev.dxexporter.collect.github.WebhookIntake} takes the four headers and
 *       the raw body and answers with a {@link dev.dxexporter.collect.github.WebhookOutcome}
 *       (signature first, nothing parsed before it is valid).
 *   <li>State: {@link dev.dxexporter.collect.github.RunReducer} folds run and job descriptions,
 *       from webhooks and from polls alike, into {@link
 *       dev.dxexporter.collect.github.WorkflowRunState} and {@link
 *       dev.dxexporter.collect.github.WorkflowJob}; {@link dev.dxexporter.collect.github.Durations}
 *       turns them into durations.
 *   <li>Polling: {@link dev.dxexporter.collect.github.RunPoller} over one {@link
 *       dev.dxexporter.collect.github.GitHubClient} per token (its budget, ETags, rate-limit state
 *       and statistics shared by all repositories).
 *   <li>Artifacts: {@link dev.dxexporter.collect.github.ArtifactFetcher} streams the entries of
 *       matching artifacts to a consumer within {@link dev.dxexporter.collect.github.ZipLimits}.
 * </ul>
 *
 * <p>Run ids, attempts, SHAs, URLs and runner names are in the records for exemplars and logs; none
 * of them belongs in a metric label.
 */
package dev.dxexporter.collect.github;
