package dev.dxexporter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxexporter.gate.Card;
import dev.dxexporter.gate.CardLine;
import dev.dxexporter.gate.Level;
import dev.dxexporter.gate.Objective;
import dev.dxexporter.gate.Score;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The card as JSON: numbers in the objectives' base units (seconds, bytes, ratios), no rounding.
 */
final class CheckJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CheckJson() {}

  static String render(List<Card> cards) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode projects = root.putArray("projects");
    for (Card card : cards) {
      Score score = card.score();
      ObjectNode p = projects.addObject();
      p.put("project", card.project());
      p.put("path", card.path().toString());
      p.put("gates_hold", card.gatesHold());
      put(p, "score", score.value());
      p.put("objectives_met", score.met());
      p.put("objectives_unmet", score.unmet());
      p.put("objectives_no_data", score.noData());
      ArrayNode lines = p.putArray("objectives");
      for (CardLine l : card.lines()) {
        Objective o = l.objective();
        ObjectNode j = lines.addObject();
        j.put("name", o.name());
        j.put("title", o.title());
        j.put("unit", o.unit().name().toLowerCase(Locale.ROOT));
        put(j, "current", l.current());
        for (Level level : Level.values()) {
          put(j, level.label(), level.of(o));
        }
        put(j, "gap", l.gap());
        j.put("status", l.status().label());
        j.put("priority", o.priority().name());
        j.put("collected_at", l.collectedAt().map(Object::toString).orElse(null));
      }
    }
    return root.toPrettyString() + "\n";
  }

  private static void put(ObjectNode node, String key, OptionalDouble v) {
    if (v.isPresent()) {
      node.put(key, v.getAsDouble());
    } else {
      node.putNull(key);
    }
  }
}
