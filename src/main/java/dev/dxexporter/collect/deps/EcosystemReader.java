package dev.dxexporter.collect.deps;

import java.nio.file.Path;

/** Reads one ecosystem's manifests (and lockfile) under a project root, fresh on every call. */
interface EcosystemReader {
  DependencyReport read(Path projectRoot) throws ManifestException, InterruptedException;
}
