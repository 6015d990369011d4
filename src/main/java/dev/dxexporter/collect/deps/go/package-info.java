/**
 * Go: the root go.mod's module path and {@code require} directives, direct and {@code // indirect}.
 * go.sum is a checksum database, not a lockfile, so nothing is read from it. Entry point: {@link
 * dev.dxexporter.collect.deps.go.GoDependencyReader}.
 */
package dev.dxexporter.collect.deps.go;
