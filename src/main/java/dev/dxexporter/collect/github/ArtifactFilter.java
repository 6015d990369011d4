package dev.dxexporter.collect.github;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which artifacts to download, by glob on the artifact name: {@code *} any run of characters,
 * {@code ?} one character, everything else literal and case-sensitive. No pattern matches nothing:
 * artifacts are only downloaded when asked for.
 */
public final class ArtifactFilter {
  private final List<Pattern> patterns;

  public ArtifactFilter(List<String> globs) {
    this.patterns = globs.stream().map(ArtifactFilter::compile).toList();
  }

  public boolean matches(String name) {
    return name != null && patterns.stream().anyMatch(p -> p.matcher(name).matches());
  }

  static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
