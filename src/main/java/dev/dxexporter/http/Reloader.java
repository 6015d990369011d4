package dev.dxexporter.http;

import java.util.Optional;

/** Re-reads the configuration; returns the error when the new config was refused. */
@FunctionalInterface
public interface Reloader {
  Optional<String> reload();
}
