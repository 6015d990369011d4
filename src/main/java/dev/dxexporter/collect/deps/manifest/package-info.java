/**
 * What every ecosystem reader of {@code collect/deps} shares: the {@link
 * dev.dxexporter.collect.deps.manifest.Ecosystem}s, the {@link
 * dev.dxexporter.collect.deps.manifest.EcosystemReader} interface, the report it returns, lockfile
 * summaries and the workspace member glob.
 */
package dev.dxexporter.collect.deps.manifest;
