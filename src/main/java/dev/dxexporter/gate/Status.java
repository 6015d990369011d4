package dev.dxexporter.gate;

/** Where an objective stands; the text is what the card prints beside (or instead of) a colour. */
public enum Status {
  /** The goal (target, else gate, else alert line) is met. */
  MET("met"),
  /** The goal is missed, but the gate (if any) holds. */
  OFF_TARGET("off target"),
  /** The value is past the gate: {@code check} fails. */
  GATE_FAILED("gate failed"),
  /** No series of the objective's metric: never a pass. */
  NO_DATA("no data");

  private final String text;

  Status(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** The label value: {@code met}, {@code off_target}, {@code gate_failed}, {@code no_data}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
