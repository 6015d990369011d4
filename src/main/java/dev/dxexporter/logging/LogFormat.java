package dev.dxexporter.logging;

/** {@code --log.format} values, as in Prometheus' own tools. */
public enum LogFormat {
  logfmt,
  json
}
