package dev.dxexporter.collect.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One element of a report's {@code UNIT_DATA} as a {@link CargoUnit}. The fields, per cargo's
 * {@code timings} module: {@code i, name, version, mode, target, start, duration} in every version;
 * {@code rmeta_time} and {@code unlocked_units} until cargo 1.9x; {@code features} since about
 * 1.5x; {@code sections} and {@code unblocked_units} since. Unknown fields are ignored and missing
 * optional ones are empty; {@code name}, {@code start} and {@code duration} are required.
 */
final class CargoUnitData {
  private CargoUnitData() {}

  static CargoUnit unit(JsonNode node, Path file, int line) throws InputException {
    if (!node.isObject()) {
      throw new InputException(file, line, 0, "UNIT_DATA entry is not an object: " + node);
    }
    String name = text(node, "name", file, line, null);
    String version = text(node, "version", file, line, "");
    String what = "unit " + name + " " + version;
    int index =
        Math.toIntExact(Math.min(Integer.MAX_VALUE, BuildNumbers.count(node, "i", file, line)));
    String target = text(node, "target", file, line, "");
    String mode = text(node, "mode", file, line, "");
    double start = BuildNumbers.seconds(node, "start", file, line, what);
    double duration = BuildNumbers.seconds(node, "duration", file, line, what);
    OptionalDouble rmeta = OptionalDouble.empty();
    JsonNode rmetaNode = node.get("rmeta_time");
    if (rmetaNode != null && !rmetaNode.isNull()) {
      rmeta = OptionalDouble.of(BuildNumbers.seconds(node, "rmeta_time", file, line, what));
    }
    CargoTargetDescription description = CargoTargetDescription.parse(target, mode);
    return new CargoUnit(
        index,
        name,
        version,
        target.strip(),
        description.kind(),
        description.name(),
        description.mode(),
        features(node, file, line, what),
        start,
        duration,
        rmeta,
        sections(node, duration, rmeta, file, line, what));
  }

  private static String text(JsonNode node, String field, Path file, int line, String fallback)
      throws InputException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (fallback == null) {
        throw new InputException(file, line, 0, "UNIT_DATA entry without `" + field + "`");
      }
      return fallback;
    }
    if (!value.isTextual()) {
      throw new InputException(
          file, line, 0, "UNIT_DATA entry: `" + field + "` is not a string: " + value);
    }
    return value.textValue();
  }

  private static List<String> features(JsonNode node, Path file, int line, String what)
      throws InputException {
    JsonNode features = node.get("features");
    List<String> out = new ArrayList<>();
    if (features == null || features.isNull()) {
      return out;
    }
    if (!features.isArray()) {
      throw new InputException(file, line, 0, what + ": `features` is not a list");
    }
    for (JsonNode feature : features) {
      if (!feature.isTextual()) {
        throw new InputException(file, line, 0, what + ": a feature is not a string: " + feature);
      }
      out.add(feature.textValue());
    }
    return out;
  }

  /** As cargo's {@code aggregate_sections}: reported sections, else rmeta split, else none. */
  private static List<CargoSection> sections(
      JsonNode node, double duration, OptionalDouble rmeta, Path file, int line, String what)
      throws InputException {
    List<CargoSection> out = new ArrayList<>();
    JsonNode sections = node.get("sections");
    if (sections == null || sections.isNull()) {
      if (rmeta.isPresent()) {
        out.add(new CargoSection("frontend", 0, rmeta.getAsDouble()));
        out.add(new CargoSection("codegen", rmeta.getAsDouble(), duration));
      }
      return out;
    }
    if (!sections.isArray()) {
      throw new InputException(file, line, 0, what + ": `sections` is not a list");
    }
    for (JsonNode section : sections) {
      // Serialised from Vec<(SectionName, SectionData)>: ["codegen", {"start": .., "end": ..}]
      if (!section.isArray()
          || section.size() != 2
          || !section.get(0).isTextual()
          || !section.get(1).isObject()) {
        throw new InputException(
            file, line, 0, what + ": a section is not [name, {start, end}]: " + section);
      }
      String name = section.get(0).textValue();
      JsonNode times = section.get(1);
      String where = what + " section " + name;
      double start = BuildNumbers.seconds(times, "start", file, line, where);
      JsonNode endNode = times.get("end");
      double end =
          endNode == null || endNode.isNull()
              ? duration
              : BuildNumbers.seconds(times, "end", file, line, where);
      out.add(new CargoSection(name, start, end));
    }
    return out;
  }
}
