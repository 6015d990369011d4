package dev.dxexporter.collect.deps.manifest;

import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;

/**
 * Reads one ecosystem's manifests (and lockfile) under a project root, fresh on every call; each
 * ecosystem's sub-package has one. A file that cannot be read or understood is an {@link
 * InputException} naming it (with line and column where the parser knows them).
 */
public interface EcosystemReader {
  DependencyReport read(Path projectRoot) throws InputException, InterruptedException;
}
