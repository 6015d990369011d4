/**
 * Cargo: the workspace members of a root Cargo.toml found as Cargo finds them ({@code members}
 * globs, {@code exclude}, path dependencies inside the root), their dependency tables with {@code
 * workspace = true} inheritance and {@code [target.*]} tables, and the root Cargo.lock in any of
 * its four formats. Entry point: {@link dev.dxexporter.collect.deps.cargo.CargoDependencyReader}.
 */
package dev.dxexporter.collect.deps.cargo;
