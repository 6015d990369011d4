package dev.dxexporter.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A secret value (API token, webhook secret) referenced from the config: read from an environment
 * variable or a file at the moment it is needed, so the value itself is never in the config, its
 * parsed form, or a log line. {@code toString()} names only the reference.
 */
public sealed interface Secret {

  /** Returns the value; throws with the reference (never the value) in the message. */
  String resolve() throws IOException;

  record FromEnv(String variable, Map<String, String> environment) implements Secret {
    @Override
    public String resolve() throws IOException {
      String value = environment.get(variable);
      if (value == null || value.isEmpty()) {
        throw new IOException("environment variable " + variable + " is not set");
      }
      return value;
    }

    @Override
    public String toString() {
      return "env:" + variable;
    }
  }

  record FromFile(Path file) implements Secret {
    @Override
    public String resolve() throws IOException {
      if (Files.size(file) > 64 * 1024) {
        throw new IOException("secret file " + file + " is larger than 64 KiB");
      }
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    @Override
    public String toString() {
      return "file:" + file;
    }
  }
}
