/**
 * npm: the root package.json and its {@code workspaces}, dependencies per kind (normal, dev,
 * optional, peer), and npm-shrinkwrap.json or package-lock.json (v1 to v3). Entry point: {@link
 * dev.dxexporter.collect.deps.npm.NpmDependencyReader}.
 */
package dev.dxexporter.collect.deps.npm;
