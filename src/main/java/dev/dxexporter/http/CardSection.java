package dev.dxexporter.http;

import dev.dxexporter.gate.Card;
import dev.dxexporter.gate.CardLine;
import dev.dxexporter.gate.Objective;
import dev.dxexporter.gate.Score;
import dev.dxexporter.gate.Status;
import dev.dxexporter.gate.Values;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The Quick Reference Card of each project as HTML: a table with row and column headers, the status
 * as a word (its colour only repeats it), the trend as an inline sparkline, when each value was
 * collected. Everything is escaped; nothing but the card's numbers, names and paths is shown.
 */
final class CardSection {
  private CardSection() {}

  static String render(List<Card> cards) {
    StringBuilder out = new StringBuilder();
    for (Card card : cards) {
      String id = "card-" + card.project();
      out.append("<section class=\"card\" aria-labelledby=\"")
          .append(esc(id))
          .append("\">\n<h2 id=\"")
          .append(esc(id))
          .append("\">Quick Reference Card: ")
          .append(esc(card.project()))
          .append("</h2>\n<p>Project path: <code>")
          .append(esc(card.path().toString()))
          .append("</code></p>\n<p class=\"score\">")
          .append(score(card))
          .append("</p>\n<div class=\"scroll\"><table class=\"qrc\">\n<caption>Objectives of ")
          .append(esc(card.project()))
          .append("</caption>\n<thead><tr>");
      for (String h :
          List.of(
              "Objective",
              "Current",
              "Target",
              "Gate",
              "Gap",
              "Status",
              "Priority",
              "Trend",
              "Collected")) {
        out.append("<th scope=\"col\">").append(h).append("</th>");
      }
      out.append("</tr></thead>\n<tbody>\n");
      card.lines().forEach(l -> row(out, l));
      out.append("</tbody>\n</table></div>\n</section>\n");
    }
    return out.toString();
  }

  private static void row(StringBuilder out, CardLine l) {
    Objective o = l.objective();
    String current =
        l.current().isPresent() ? Values.format(l.current().getAsDouble(), o.unit()) : "no data";
    OptionalDouble gap = l.gap();
    out.append("<tr class=\"")
        .append(l.status().label())
        .append("\" data-objective=\"")
        .append(esc(o.name()))
        .append("\"><th scope=\"row\">")
        .append(esc(o.title()))
        .append("</th>");
    cell(out, "Current", "num", esc(current));
    cell(out, "Target", "", esc(Values.line(o, o.target())));
    cell(out, "Gate", "", esc(Values.line(o, o.gate())));
    cell(out, "Gap", "num", gap.isPresent() ? esc(Values.format(gap.getAsDouble(), o.unit())) : "");
    cell(
        out,
        "Status",
        "status",
        "<span class=\"badge "
            + l.status().label()
            + "\">"
            + mark(l.status())
            + " "
            + l.status().text()
            + "</span>");
    cell(out, "Priority", "", o.priority() == Objective.Priority.NONE ? "-" : o.priority().name());
    cell(out, "Trend", "", trend(l));
    cell(out, "Collected", "", l.collectedAt().map(CardSection::time).orElse(""));
    out.append("</tr>\n");
  }

  /** A cell with its column's name, which the phone layout shows beside the value. */
  private static void cell(StringBuilder out, String label, String cls, String html) {
    out.append("<td data-label=\"").append(label).append('"');
    if (!cls.isEmpty()) {
      out.append(" class=\"").append(cls).append('"');
    }
    out.append('>').append(html).append("</td>");
  }

  private static String trend(CardLine l) {
    List<Double> h = l.history();
    if (h.size() < 2) {
      return "";
    }
    Objective o = l.objective();
    String label =
        "last %d runs of %s, from %s to %s"
            .formatted(
                h.size(),
                o.title(),
                Values.format(h.get(0), o.unit()),
                Values.format(h.get(h.size() - 1), o.unit()));
    return Sparkline.svg(h, label);
  }

  /** A shape as well as a colour, so the status reads without colour vision too. */
  private static String mark(Status s) {
    return switch (s) {
      case MET -> "✔";
      case OFF_TARGET -> "▲";
      case GATE_FAILED -> "✖";
      case NO_DATA -> "–";
    };
  }

  private static String score(Card card) {
    Score s = card.score();
    return "DX score <strong>"
        + s.text()
        + "</strong>"
        + (s.value().isPresent() ? "" : " (no objective has data yet)")
        + " — "
        + s.counts()
        + "; gates "
        + (card.gatesHold() ? "hold" : "<strong>fail</strong>");
  }

  private static String time(Instant t) {
    String iso = DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    return "<time datetime=\""
        + iso
        + "\">"
        + iso.replace('T', ' ').replace("Z", " UTC")
        + "</time>";
  }

  private static String esc(String s) {
    return LandingPage.esc(s);
  }
}
