package dev.dxexporter.collect.github;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code rel="next"} target of a {@code Link} header (RFC 8288), as GitHub paginates. */
final class LinkHeader {
  private static final Pattern LINK = Pattern.compile("<([^>]*)>([^<]*)");
  private static final Pattern REL =
      Pattern.compile(";\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^;,\\s]+))", Pattern.CASE_INSENSITIVE);

  /** The next page, or null on the last page. */
  static URI next(HttpHeaders headers) {
    for (String value : headers.allValues("link")) {
      Matcher link = LINK.matcher(value);
      while (link.find()) {
        Matcher rel = REL.matcher(link.group(2));
        while (rel.find()) {
          String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
          for (String r : rels.trim().split("\\s+")) {
            if (r.equalsIgnoreCase("next")) {
              return URI.create(link.group(1).trim());
            }
          }
        }
      }
    }
    return null;
  }

  private LinkHeader() {}
}
