package dev.dxexporter.collect.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a test compares from dorny/test-reporter's Jest snapshots ({@code
 * __snapshots__/*.snap}): per {@code exports[...]} entry, the report's {@code "path"} and each
 * {@code TestCaseResult}'s name, result and time (ms). Strings in a snapshot are not escaped and an
 * error's details span lines, so fields are found by indentation: a case's own fields sit two
 * spaces deeper than its {@code TestCaseResult {} line.
 */
final class JestSnapshot {
  record Case(String name, String result, long millis) {}

  record Report(String path, List<Case> cases) {}

  private static final Pattern PATH = Pattern.compile("^  \"path\": \"(.*)\",$");
  private static final Pattern CASE_START = Pattern.compile("^( *)TestCaseResult \\{$");

  static List<Report> reports(String snapshot) {
    List<Report> reports = new ArrayList<>();
    List<Case> cases = null;
    String indent = null;
    String name = null;
    String result = null;
    StringBuilder pendingName = null;
    for (String line : snapshot.split("\n")) {
      if (pendingName != null) { // a name with a line break in it
        pendingName.append('\n').append(line);
        if (line.endsWith("\",")) {
          name = unescape(pendingName.substring(0, pendingName.length() - 2));
          pendingName = null;
        }
        continue;
      }
      Matcher path = PATH.matcher(line);
      Matcher start = CASE_START.matcher(line);
      if (path.matches()) {
        cases = new ArrayList<>();
        reports.add(new Report(path.group(1), cases));
      } else if (start.matches()) {
        indent = start.group(1) + "  ";
        name = null;
        result = null;
      } else if (indent != null && line.startsWith(indent + "\"name\": \"")) {
        if (line.endsWith("\",")) {
          name = unescape(line.substring(indent.length() + 9, line.length() - 2));
        } else {
          pendingName = new StringBuilder(line.substring(indent.length() + 9));
        }
      } else if (indent != null && line.startsWith(indent + "\"result\": \"")) {
        result = line.substring(indent.length() + 11, line.length() - 2);
      } else if (indent != null && line.startsWith(indent + "\"time\": ")) {
        String time = line.substring(indent.length() + 8, line.length() - 1);
        cases.add(new Case(name, result, Math.round(Double.parseDouble(time))));
        indent = null;
      }
    }
    return reports;
  }

  /** A snapshot is a template literal: Jest escapes {@code `}, {@code \\} and {@code ${}. */
  static String unescape(String s) {
    return s.replace("\\`", "`").replace("\\${", "${").replace("\\\\", "\\");
  }

  private JestSnapshot() {}
}
