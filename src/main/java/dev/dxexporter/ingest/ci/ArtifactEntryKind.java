package dev.dxexporter.ingest.ci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an artifact entry holds, told by its name and, for XML (JUnit, Cobertura and JaCoCo all use
 * it), by its root element: artifacts are named by the workflow, not by their format.
 */
enum ArtifactEntryKind {
  JUNIT,
  COVERAGE,
  OTHER;

  /** Bytes read to find the root element: past the XML declaration, a DOCTYPE and comments. */
  private static final int SNIFF_BYTES = 8192;

  private static final Pattern ROOT =
      Pattern.compile("<(?![?!])([A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)");
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

  /** Whether an entry of this name may be a report at all: worth writing to disk. */
  static boolean candidate(String entry) {
    String lower = entry.toLowerCase(Locale.ROOT);
    return lower.endsWith(".xml") || lower.endsWith(".info") || lower.endsWith(".lcov");
  }

  static ArtifactEntryKind of(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".info") || name.endsWith(".lcov")) {
      return COVERAGE;
    }
    if (!name.endsWith(".xml")) {
      return OTHER;
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    }
    String text = COMMENT.matcher(new String(head, StandardCharsets.UTF_8)).replaceAll("");
    Matcher m = ROOT.matcher(text);
    if (!m.find()) {
      return OTHER;
    }
    return switch (m.group(2)) {
      case "testsuites", "testsuite", "testrun" -> JUNIT;
      // Cobertura (and coverage.py, which writes it) and JaCoCo.
      case "coverage", "report" -> COVERAGE;
      default -> OTHER;
    };
  }
}
