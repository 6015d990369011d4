package dev.dxexporter.client;

import java.util.Optional;

/** The query parameters of one push: what the report is and where it came from. */
public record PushParameters(
    String project,
    Optional<String> report,
    Optional<String> branch,
    Optional<String> commit,
    Optional<String> run,
    Optional<String> format) {}
