package dev.dxexporter.store;

import dev.dxexporter.store.sqlite.SqliteStore;
import java.nio.file.Path;

/**
 * The child of the kill -9 test: opens the store in {@code args[0]} and saves reports {@code
 * <args[1]>-0}, {@code -1}, … until killed. Prints "BEGIN id" before a save and "ACK id" only after
 * the save returned, i.e. after the store acknowledged it as durable.
 */
public final class KillNineWriter {
  private KillNineWriter() {}

  public static void main(String[] args) {
    Store store = SqliteStore.open(Path.of(args[0]), StoreSettings.defaults());
    System.out.println("OPEN");
    System.out.flush();
    for (int n = 0; ; n++) {
      DeterministicReport report = DeterministicReport.of(args[1] + "-" + n);
      System.out.println("BEGIN " + report.identity());
      System.out.flush();
      store.saveTestReport(report.meta(), report.caseStream(), report::summary);
      System.out.println("ACK " + report.identity());
      System.out.flush();
    }
  }
}
