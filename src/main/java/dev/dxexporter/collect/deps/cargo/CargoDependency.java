package dev.dxexporter.collect.deps.cargo;

import dev.dxexporter.collect.deps.manifest.LockSource;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One dependency entry of a Cargo manifest after {@code workspace = true} inheritance.
 *
 * @param key the TOML key, the name the crate is known by in the member's code (differs from {@code
 *     packageName} for {@code foo = { package = "bar" }})
 * @param packageName the package on the registry / in the repository / at the path
 * @param kind normal, dev or build
 * @param target the {@code [target.<spec>]} the entry came from, empty for the plain tables
 * @param source where it comes from (path wins over git and registry, as in Cargo)
 * @param path the absolute, normalised directory of a path dependency
 */
record CargoDependency(
    String key,
    String packageName,
    CargoDependencyKind kind,
    Optional<String> target,
    LockSource source,
    Optional<Path> path) {}
