package dev.dxexporter.collect.coverage;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The summary a Cobertura root states about itself: {@code line-rate}/{@code branch-rate} (both DTD
 * versions) and {@code lines-covered}/{@code lines-valid}/{@code branches-covered}/{@code
 * branches-valid} (coverage-04 only). Only a cross-check of the recount, or its stand-in when there
 * are no lines to count; unusable values are dropped with a warning.
 */
record RootTotals(
    OptionalDouble lineRate,
    OptionalDouble branchRate,
    OptionalLong linesCovered,
    OptionalLong linesValid,
    OptionalLong branchesCovered,
    OptionalLong branchesValid,
    int line) {
  /** coverage.py and istanbul round rates to 4 digits; a looser check would hide real drift. */
  private static final double RATE_TOLERANCE = 0.000051;

  static RootTotals read(XmlValues v, Warnings warnings) {
    String[] rates = {"line-rate", "branch-rate"};
    String[] counts = {"lines-covered", "lines-valid", "branches-covered", "branches-valid"};
    for (String a : rates) {
      if (v.get(a) != null && v.optionalRatio(a).isEmpty()) {
        warnings.add(v.line(), "root " + a + "=\"" + XmlValues.shorten(v.get(a)) + "\" ignored");
      }
    }
    for (String a : counts) {
      if (v.get(a) != null && v.optionalCount(a).isEmpty()) {
        warnings.add(v.line(), "root " + a + "=\"" + XmlValues.shorten(v.get(a)) + "\" ignored");
      }
    }
    RootTotals t =
        new RootTotals(
            v.optionalRatio(rates[0]),
            v.optionalRatio(rates[1]),
            v.optionalCount(counts[0]),
            v.optionalCount(counts[1]),
            v.optionalCount(counts[2]),
            v.optionalCount(counts[3]),
            v.line());
    for (String kind : new String[] {"lines", "branches"}) {
      OptionalLong c = t.covered(kind);
      OptionalLong n = t.valid(kind);
      if (c.isPresent() && n.isPresent() && c.getAsLong() > n.getAsLong()) {
        warnings.add(
            v.line(),
            "root says "
                + c.getAsLong()
                + " of "
                + n.getAsLong()
                + " "
                + kind
                + " covered: more than valid, ignored");
      }
    }
    return t;
  }

  /** Warns when the root's counts (or, lacking counts, its rate) disagree with the recount. */
  void check(String kind, CoverageCount counted, Warnings warnings) {
    OptionalLong c = covered(kind);
    OptionalLong n = valid(kind);
    if (c.isPresent() || n.isPresent()) {
      if (c.orElse(counted.covered()) != counted.covered()
          || n.orElse(counted.total()) != counted.total()) {
        warnings.add(
            line,
            "root says "
                + show(c)
                + "/"
                + show(n)
                + " "
                + kind
                + " but the lines count "
                + counted
                + "; the lines are used");
      }
      return;
    }
    OptionalDouble rate = rate(kind);
    OptionalDouble recount = counted.ratio();
    if (rate.isPresent()
        && recount.isPresent()
        && Math.abs(rate.getAsDouble() - recount.getAsDouble()) > RATE_TOLERANCE) {
      warnings.add(
          line,
          "root "
              + (kind.equals("lines") ? "line" : "branch")
              + "-rate="
              + rate.getAsDouble()
              + " but the lines count "
              + counted
              + "; the lines are used");
    }
  }

  /** The root's counts when there were no lines to count (a summary-only report). */
  CoverageCount standIn(String kind, CoverageCount counted, Warnings warnings) {
    OptionalLong c = covered(kind);
    OptionalLong n = valid(kind);
    if (c.isPresent() && n.isPresent() && c.getAsLong() <= n.getAsLong()) {
      if (n.getAsLong() > 0) {
        warnings.add(line, "no class lines to count: the root's " + kind + " totals are used");
      }
      return new CoverageCount(c.getAsLong(), n.getAsLong());
    }
    // 0 and 1 are what coverage.py and istanbul write for an empty report; anything between is
    // coverage this report claims without the counts to export it.
    if (rate(kind).isPresent() && rate(kind).getAsDouble() > 0 && rate(kind).getAsDouble() < 1) {
      warnings.add(line, "no class lines and no root " + kind + " counts: reported as 0/0");
    }
    return counted;
  }

  private OptionalLong covered(String kind) {
    return kind.equals("lines") ? linesCovered : branchesCovered;
  }

  private OptionalLong valid(String kind) {
    return kind.equals("lines") ? linesValid : branchesValid;
  }

  private OptionalDouble rate(String kind) {
    return kind.equals("lines") ? lineRate : branchRate;
  }

  private static String show(OptionalLong v) {
    return v.isPresent() ? String.valueOf(v.getAsLong()) : "?";
  }
}
