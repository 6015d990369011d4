package dev.dxexporter.cli;

import dev.dxexporter.gate.Card;
import dev.dxexporter.gate.CardLine;
import dev.dxexporter.gate.Objective;
import dev.dxexporter.gate.Objectives;
import dev.dxexporter.gate.Score;
import dev.dxexporter.gate.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The card as {@code check} prints it: an aligned text table, a GitHub-flavoured markdown table
 * (for {@code $GITHUB_STEP_SUMMARY}) or JSON with the raw numbers in base units.
 */
final class CheckReport {
  private static final List<String> HEADERS =
      List.of("Objective", "Current", "Target", "Gate", "Gap", "Status", "Priority");

  private CheckReport() {}

  static String known() {
    return " (known: "
        + String.join(", ", Objectives.DEFAULTS.stream().map(Objective::name).toList())
        + ")";
  }

  static String render(List<Card> cards, CheckCommand.Format format) {
    return switch (format) {
      case text -> text(cards);
      case markdown -> markdown(cards);
      case json -> CheckJson.render(cards);
    };
  }

  /** The cells of one line, as a person reads them. */
  static List<String> cells(CardLine l) {
    Objective o = l.objective();
    return List.of(
        o.title(),
        l.current().isPresent() ? Values.format(l.current().getAsDouble(), o.unit()) : "no data",
        Values.line(o, o.target()),
        Values.line(o, o.gate()),
        gap(l),
        l.status().text(),
        o.priority() == Objective.Priority.NONE ? "-" : o.priority().name());
  }

  private static String gap(CardLine l) {
    OptionalDouble gap = l.gap();
    return gap.isPresent() ? Values.format(gap.getAsDouble(), l.objective().unit()) : "";
  }

  static String scoreLine(Card card) {
    Score s = card.score();
    return "DX score "
        + s.text()
        + (s.value().isPresent() ? "" : " (no objective has data)")
        + " ("
        + s.counts()
        + "); gates "
        + (card.gatesHold() ? "hold" : "FAIL");
  }

  private static String text(List<Card> cards) {
    StringBuilder out = new StringBuilder();
    for (Card card : cards) {
      List<List<String>> rows = new ArrayList<>();
      rows.add(HEADERS);
      card.lines().forEach(l -> rows.add(cells(l)));
      int[] width = new int[HEADERS.size()];
      for (List<String> r : rows) {
        for (int i = 0; i < r.size(); i++) {
          width[i] = Math.max(width[i], r.get(i).length());
        }
      }
      out.append("Quick Reference Card: ")
          .append(card.project())
          .append(" (")
          .append(card.path())
          .append(")\n");
      for (List<String> r : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < r.size(); i++) {
          line.append(String.format("%-" + width[i] + "s", r.get(i)));
          line.append(i + 1 < r.size() ? "  " : "");
        }
        out.append(line.toString().stripTrailing()).append('\n');
      }
      out.append(scoreLine(card)).append("\n\n");
    }
    return out.toString();
  }

  private static String markdown(List<Card> cards) {
    StringBuilder out = new StringBuilder();
    for (Card card : cards) {
      out.append("## Quick Reference Card: ").append(md(card.project())).append("\n\n");
      out.append("| ").append(String.join(" | ", HEADERS)).append(" |\n");
      out.append("|").append("---|".repeat(HEADERS.size())).append('\n');
      for (CardLine l : card.lines()) {
        List<String> cells = new ArrayList<>(cells(l));
        cells.set(5, icon(l) + " " + cells.get(5));
        out.append("| ")
            .append(String.join(" | ", cells.stream().map(CheckReport::md).toList()))
            .append(" |\n");
      }
      out.append('\n').append(md(scoreLine(card))).append("\n\n");
    }
    return out.toString();
  }

  /** The roadmap's marks; the status word beside them carries the meaning. */
  private static String icon(CardLine l) {
    return switch (l.status()) {
      case MET -> "✅";
      case OFF_TARGET -> "⚠️";
      case GATE_FAILED -> "🚨";
      case NO_DATA -> "❔";
    };
  }

  private static String md(String s) {
    return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
  }
}
