package dev.dxexporter.http;

import java.util.List;

/**
 * A table a source adds to the landing page (e.g. the flaky tests of a project), built from what it
 * holds in memory; the page escapes every cell.
 */
public record PageSection(
    String title, List<String> headers, List<List<String>> rows, String empty) {
  public PageSection {
    headers = List.copyOf(headers);
    rows = rows.stream().map(List::copyOf).toList();
  }
}
