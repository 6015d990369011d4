package dev.dxexporter.collect.cache;

/** Size and space available to unprivileged users of the volume mounted at {@code mount}. */
public record Volume(String mount, long sizeBytes, long availBytes) {}
