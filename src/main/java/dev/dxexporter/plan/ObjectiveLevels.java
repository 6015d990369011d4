package dev.dxexporter.plan;

import dev.dxexporter.config.SectionReader;
import dev.dxexporter.config.yaml.Durations;
import dev.dxexporter.config.yaml.Sizes;
import dev.dxexporter.config.yaml.YamlMapping;
import dev.dxexporter.gate.Level;
import dev.dxexporter.gate.Objective;
import dev.dxexporter.gate.Objective.Direction;
import dev.dxexporter.gate.Objective.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads an {@code objectives:} mapping (under {@code global} or a project): objective name to its
 * {@code target}, {@code gate} and {@code alert} in the objective's unit — a duration ({@code 90s},
 * {@code 5m}) or seconds, a size ({@code 6GB}) or bytes, a ratio ({@code 0.95} or {@code 95%}), a
 * count. Every problem is reported at its line and column; the levels read replace the ones given.
 */
final class ObjectiveLevels {
  private ObjectiveLevels() {}

  static List<Objective> apply(YamlMapping m, List<Objective> base, SectionReader reader) {
    Map<String, Objective> byName =
        base.stream()
            .collect(
                Collectors.toMap(
                    Objective::name,
                    Function.identity(),
                    (a, b) -> a,
                    java.util.LinkedHashMap::new));
    for (String name : m.keys()) {
      Objective o = byName.get(name);
      Node value = m.get(name).orElse(null);
      if (o == null) {
        reader
            .errors()
            .at(
                m.keyNode(name).orElse(m.node()),
                m.child(name),
                "unknown objective (known: "
                    + String.join(", ", new TreeSet<>(byName.keySet()))
                    + ")");
        continue;
      }
      if (value != null) {
        byName.put(name, levels(reader.mapping(value, m.child(name)), o, reader));
      }
    }
    return new ArrayList<>(byName.values());
  }

  private static Objective levels(YamlMapping m, Objective o, SectionReader reader) {
    Objective out = o;
    for (Level level : Level.values()) {
      OptionalDouble v = value(m, level.label(), o.unit(), reader);
      if (v.isPresent()) {
        out = out.withLevel(level, v.getAsDouble());
      }
    }
    m.rejectUnknownKeys();
    ordered(m, out, reader);
    return out;
  }

  /** The target is never on the wrong side of the gate, nor the gate of the alert line. */
  private static void ordered(YamlMapping m, Objective o, SectionReader reader) {
    check(m, o, Level.TARGET, Level.GATE, reader);
    check(m, o, Level.GATE, Level.ALERT, reader);
    if (o.gate().isEmpty()) {
      check(m, o, Level.TARGET, Level.ALERT, reader);
    }
  }

  private static void check(
      YamlMapping m, Objective o, Level stricter, Level looser, SectionReader reader) {
    OptionalDouble a = stricter.of(o);
    OptionalDouble b = looser.of(o);
    if (a.isEmpty() || b.isEmpty()) {
      return;
    }
    boolean lower = o.direction() == Direction.LOWER_IS_BETTER;
    if (lower ? a.getAsDouble() > b.getAsDouble() : a.getAsDouble() < b.getAsDouble()) {
      reader
          .errors()
          .at(
              m.node(),
              m.path(),
              "the "
                  + stricter.label()
                  + " ("
                  + a.getAsDouble()
                  + ") must be "
                  + (lower ? "at most" : "at least")
                  + " the "
                  + looser.label()
                  + " ("
                  + b.getAsDouble()
                  + ") for "
                  + (lower ? "a lower-is-better" : "a higher-is-better")
                  + " objective");
    }
  }

  private static OptionalDouble value(YamlMapping m, String key, Unit unit, SectionReader reader) {
    var text = m.string(key);
    if (text.isEmpty()) {
      return OptionalDouble.empty();
    }
    Node at = m.get(key).orElse(m.node());
    String t = text.get().strip();
    try {
      double v = parse(t, unit);
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("\"" + t + "\" is not a finite number");
      }
      if (unit == Unit.RATIO ? v < -1 || v > 1 : v < 0) {
        throw new IllegalArgumentException(
            unit == Unit.RATIO
                ? "a ratio must be between -1 and 1 (-100% and 100%), not " + t
                : "must not be negative");
      }
      return OptionalDouble.of(v);
    } catch (IllegalArgumentException e) {
      reader.errors().at(at, m.child(key), e.getMessage());
      return OptionalDouble.empty();
    }
  }

  private static double parse(String t, Unit unit) {
    boolean plain = t.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    return switch (unit) {
      case SECONDS -> plain ? Double.parseDouble(t) : Durations.parse(t).toMillis() / 1000.0;
      case BYTES -> plain ? Double.parseDouble(t) : Sizes.parse(t);
      case RATIO -> {
        if (t.endsWith("%") && t.substring(0, t.length() - 1).strip().matches("-?[0-9.]+")) {
          yield Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100;
        }
        if (!plain) {
          throw new IllegalArgumentException("\"" + t + "\" is not a ratio (e.g. 0.95 or 95%)");
        }
        yield Double.parseDouble(t);
      }
      case COUNT -> {
        if (!t.matches("[0-9]+")) {
          throw new IllegalArgumentException("\"" + t + "\" is not a whole number");
        }
        yield Double.parseDouble(t);
      }
    };
  }
}
