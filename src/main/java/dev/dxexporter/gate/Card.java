package dev.dxexporter.gate;

import java.nio.file.Path;
import java.util.List;

/** The Quick Reference Card of one project: a line per objective and the DX score. */
public record Card(String project, Path path, List<CardLine> lines) {
  public Card {
    lines = List.copyOf(lines);
  }

  public Score score() {
    return Score.of(lines);
  }

  /** Whether every gate holds (an objective without data holds no gate and breaks none). */
  public boolean gatesHold() {
    return lines.stream().noneMatch(CardLine::gateFails);
  }
}
