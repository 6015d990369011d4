/**
 * Dependency counts of a project, per package ecosystem: direct dependencies per package and kind,
 * distinct external ones, and what the lockfile pins.
 *
 * <p>Wiring: one {@link dev.dxexporter.collect.deps.DependencyCollector} per configured project,
 * given the {@link dev.dxexporter.collect.deps.manifest.Ecosystem}s to read (none = detect from the
 * root manifests on every run). {@link dev.dxexporter.collect.deps.DependencyMetrics} lists the
 * metric families.
 *
 * <p>Layout, with no import circle: each ecosystem reads alone in its sub-package ({@code cargo},
 * {@code maven}, {@code npm}, {@code go}), whose one public class is its {@link
 * dev.dxexporter.collect.deps.manifest.EcosystemReader}; the sub-packages share only {@code
 * manifest} (the {@link dev.dxexporter.collect.deps.manifest.DependencyReport} they return, {@link
 * dev.dxexporter.collect.deps.manifest.LockSource}, {@link
 * dev.dxexporter.collect.deps.manifest.WorkspaceGlob}) and the input kit in {@code collect/input}
 * (size-capped reads confined to the project root, located {@code InputException}s), never each
 * other. This package composes them into the collector.
 */
package dev.dxexporter.collect.deps;
