package dev.dxexporter.collect.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML unit table cargo prints below the graphs (unit, total, one column per section, features;
 * longest first), read independently of the reader, so tests can check the reader's UNIT_DATA
 * figures against the numbers cargo rendered from the same data.
 */
record CargoReportTable(List<String> headers, List<Row> rows) {
  record Row(String unit, double totalSeconds, Map<String, Double> sections, String features) {}

  private static final Pattern HEADER = Pattern.compile("<th>([^<]*)</th>");
  private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern CELL = Pattern.compile("<td>(.*?)</td>", Pattern.DOTALL);
  private static final Pattern SECONDS = Pattern.compile("^(\\d+\\.\\d)s.*");

  static CargoReportTable of(String html) {
    int tableStart = html.indexOf("<th>Unit</th>");
    String head =
        html.substring(
            html.lastIndexOf("<thead>", tableStart), html.indexOf("</thead>", tableStart));
    List<String> headers = new ArrayList<>();
    Matcher h = HEADER.matcher(head);
    while (h.find()) {
      headers.add(h.group(1));
    }
    String body =
        html.substring(html.indexOf("<tbody>", tableStart), html.indexOf("</tbody>", tableStart));
    List<Row> rows = new ArrayList<>();
    Matcher r = ROW.matcher(body);
    while (r.find()) {
      List<String> cells = new ArrayList<>();
      Matcher c = CELL.matcher(r.group(1));
      while (c.find()) {
        cells.add(c.group(1).strip());
      }
      Map<String, Double> sections = new LinkedHashMap<>();
      for (int i = 3; i < headers.size() - 1; i++) {
        Matcher s = SECONDS.matcher(cells.get(i));
        if (s.matches()) {
          sections.put(headers.get(i).toLowerCase(Locale.ROOT), Double.parseDouble(s.group(1)));
        }
      }
      Matcher total = SECONDS.matcher(cells.get(2));
      if (!total.matches()) {
        throw new IllegalStateException("unexpected total cell " + cells.get(2));
      }
      rows.add(
          new Row(
              cells.get(1),
              Double.parseDouble(total.group(1)),
              sections,
              cells.get(cells.size() - 1)));
    }
    return new CargoReportTable(headers, rows);
  }
}
