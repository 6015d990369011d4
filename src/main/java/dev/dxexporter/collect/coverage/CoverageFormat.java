package dev.dxexporter.collect.coverage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The coverage report formats the readers understand. */
public enum CoverageFormat {
  /** Cobertura XML: root {@code <coverage>} (coverage.py, gcovr, coverlet, istanbul, tarpaulin). */
  COBERTURA,
  /** LCOV tracefile ({@code geninfo(1)}): {@code TN:}/{@code SF:} records (lcov, llvm-cov, c8). */
  LCOV,
  /** JaCoCo XML: root {@code <report>}, DOCTYPE {@code -//JACOCO//DTD Report}. */
  JACOCO;

  /** How many leading bytes {@link #fromContent} looks at; callers peek this much. */
  public static final int SNIFF_BYTES = 8192;

  private static final Pattern XML_NOISE =
      Pattern.compile(
          "\\A(?:\\s+|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE\\b(?:[^\\[>]|\\[.*?])*>)", Pattern.DOTALL);
  private static final Pattern ROOT = Pattern.compile("\\A<([A-Za-z_][\\w.:-]*)");
  private static final Pattern LCOV_RECORD =
      Pattern.compile("\\A(?:TN:|SF:|VER:|FNL?:|FNDA:|FNA:|DA:|BRDA:|LF:|LH:|end_of_record)");

  /** The name a user writes ({@code cobertura}, {@code lcov}, {@code jacoco}; any case). */
  public static Optional<CoverageFormat> fromName(String name) {
    for (CoverageFormat f : values()) {
      if (f.name().equalsIgnoreCase(name.strip())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The lower-case name, as {@link #fromName} reads it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * What the file name suggests: {@code lcov.info}, {@code *.lcov}, {@code *.info} are LCOV; {@code
   * jacoco*.xml} JaCoCo; {@code cobertura*.xml}, {@code *.cobertura.xml}, {@code coverage.xml}
   * Cobertura. Only a hint: content wins.
   */
  public static Optional<CoverageFormat> fromFileName(Path file) {
    if (file == null || file.getFileName() == null) {
      return Optional.empty();
    }
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".info") || n.endsWith(".lcov") || n.startsWith("lcov")) {
      return Optional.of(LCOV);
    }
    if (n.endsWith(".xml")) {
      if (n.contains("jacoco")) {
        return Optional.of(JACOCO);
      }
      if (n.contains("cobertura") || n.equals("coverage.xml")) {
        return Optional.of(COBERTURA);
      }
    }
    return Optional.empty();
  }

  /**
   * What the first bytes of a report say: the XML root element ({@code coverage}, {@code report})
   * after the declaration, comments and DOCTYPE, or an LCOV record keyword on the first non-blank
   * line that is no comment. Empty when the head is neither (or too short to tell).
   */
  public static Optional<CoverageFormat> fromContent(byte[] head, int length) {
    String text = new String(head, 0, Math.min(length, head.length), StandardCharsets.ISO_8859_1);
    if (text.startsWith("\u00EF\u00BB\u00BF")) { // UTF-8 byte order mark, read as Latin-1
      text = text.substring(3);
    }
    String rest = text.stripLeading();
    if (rest.startsWith("<")) {
      return xmlRoot(rest).flatMap(CoverageFormat::fromRoot);
    }
    for (String line : rest.split("\n", 64)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      return LCOV_RECORD.matcher(l).lookingAt() ? Optional.of(LCOV) : Optional.empty();
    }
    return Optional.empty();
  }

  /** The root element's name of an XML head, when the head reaches it. */
  static Optional<String> xmlRoot(String xml) {
    String rest = xml;
    for (Matcher m = XML_NOISE.matcher(rest); m.lookingAt(); m = XML_NOISE.matcher(rest)) {
      rest = rest.substring(m.end());
    }
    Matcher root = ROOT.matcher(rest);
    return root.lookingAt() ? Optional.of(root.group(1)) : Optional.empty();
  }

  private static Optional<CoverageFormat> fromRoot(String root) {
    return switch (root) {
      case "coverage" -> Optional.of(COBERTURA);
      case "report" -> Optional.of(JACOCO);
      default -> Optional.empty();
    };
  }
}
