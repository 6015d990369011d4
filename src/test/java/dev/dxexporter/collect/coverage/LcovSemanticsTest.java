package dev.dxexporter.collect.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.SizeLimitExceededException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The tracefile rules of geninfo(1), each on a small hand-written input. */
class LcovSemanticsTest {
  private static final Path NAME = Path.of("t.info");
  private final LcovReader reader = new LcovReader();

  private CoverageReport read(String text) throws InputException {
    return reader.read(Fixtures.stream(text), NAME);
  }

  @Test
  void theSameFileInTwoSectionsIsMergedLineByLine() throws Exception {
    // Two test runs (TN) over a.c: lines 1-3 and 2-4; line 2 hit only in the second run.
    CoverageReport r =
        read(
            "TN:one\nSF:a.c\nDA:1,1\nDA:2,0\nDA:3,0\nBRDA:3,0,0,1\nBRDA:3,0,1,0\nLF:3\nLH:1\n"
                + "end_of_record\nTN:two\nSF:a.c\nDA:2,5\nDA:3,0\nDA:4,0\nBRDA:3,0,0,0\n"
                + "BRDA:3,0,1,2\nend_of_record\nSF:b.c\nDA:1,0\nend_of_record\n");
    assertThat(r.lines()).isEqualTo(new CoverageCount(2, 5)); // a.c: 1,2 of 1-4; b.c: 0 of 1
    assertThat(r.branches()).isEqualTo(new CoverageCount(2, 2)); // each arm taken in one run
    assertThat(r.files()).isEqualTo(2);
    assertThat(r.functions()).isEmpty();
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void aDashIsABranchNotTakenAndUnreachableBranchesAreExcluded() throws Exception {
    CoverageReport r =
        read(
            "SF:a.c\nDA:1,1\nBRDA:1,0,0,-\nBRDA:1,0,1,-\nBRDA:1,e1,0,3\nBRDA:1,U2,0,0\n"
                + "BRDA:1,eU3,0,0\nBRF:3\nBRH:1\nend_of_record\n");
    assertThat(r.branches()).isEqualTo(new CoverageCount(1, 3));
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void aBranchExpressionMayHoldCommas() throws Exception {
    CoverageReport r =
        read(
            "SF:a.c\nBRDA:10,0,f(a, b),1\nBRDA:10,0,!f(a, b),0\nBRDA:10,0,f(a, b),0\n"
                + "end_of_record\n");
    assertThat(r.branches()).isEqualTo(new CoverageCount(1, 2));
  }

  @Test
  void lcov22FunctionLeadersCountOncePerGroupHitWhenAnyAliasRan() throws Exception {
    CoverageReport r =
        read(
            "SF:a.cpp\nFNL:0,3,4\nFNA:0,0,_ZN1A1fEv\nFNA:0,2,_ZN1A1fEv.cold\nFNL:1,7\n"
                + "FNA:1,0,g\nFNF:2\nFNH:1\nDA:3,1\nend_of_record\n");
    assertThat(r.functions()).contains(new CoverageCount(1, 2));
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void legacyFunctionsAreMatchedByNameInOrderAndMergedAcrossSections() throws Exception {
    CoverageReport r =
        read(
            "SF:a.js\nFN:1,obj\nFN:9,obj\nFN:12,other\nFNDA:0,obj\nFNDA:4,obj\nFNDA:0,other\n"
                + "end_of_record\nSF:a.js\nFN:12,other\nFNDA:1,other\nend_of_record\n");
    assertThat(r.functions()).contains(new CoverageCount(2, 3));
  }

  @Test
  void summaryOnlySectionsStandInAndRepeatsMergeByTheLargerWithAWarning() throws Exception {
    CoverageReport r =
        read(
            "SF:a.rs\nFNF:2\nFNH:1\nLF:10\nLH:4\nend_of_record\n"
                + "SF:a.rs\nLF:10\nLH:7\nend_of_record\nSF:b.rs\nLH:2\nLF:3\nend_of_record\n");
    assertThat(r.lines()).isEqualTo(new CoverageCount(9, 13));
    assertThat(r.functions()).contains(new CoverageCount(1, 2));
    assertThat(r.warnings()).singleElement().asString().contains("a.rs", "lower bound");
  }

  @Test
  void aSummaryWithMoreHitThanFoundAndNoRecordsIsRefused() {
    assertThatThrownBy(() -> read("SF:a.c\nLF:2\nLH:3\nend_of_record\n"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("t.info:4: ")
        .hasMessageContaining("more than found");
  }

  @Test
  void negativeCountsAreCountedAsZeroWithAWarning() throws Exception {
    CoverageReport r = read("SF:a.c\nDA:1,-3\nDA:2,1\nFNDA:-1,f\nend_of_record\n");
    assertThat(r.lines()).isEqualTo(new CoverageCount(1, 2));
    assertThat(r.warnings()).first().asString().startsWith("t.info:2: ").contains("negative");
  }

  @Test
  void windowsLineEndsAByteOrderMarkCommentsBlankLinesAndTrailingBlanksAreFine() throws Exception {
    CoverageReport r =
        read(
            "\uFEFF# made by hand\r\nTN:\r\n\r\nSF:a.c\r\nDA:1,1,abcd\r\nDA:2,0\r\nend_of_record \r\n");
    assertThat(r.lines()).isEqualTo(new CoverageCount(1, 2));
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void hugeCountsAreJustExecuted() throws Exception {
    CoverageReport r = read("SF:a.c\nDA:1,18446744073709551615000\nDA:2,000\nend_of_record\n");
    assertThat(r.lines()).isEqualTo(new CoverageCount(1, 2));
  }

  @Test
  void unknownRecordTypesAreIgnoredWithOneWarning() throws Exception {
    CoverageReport r =
        read("SF:a.c\nVER:abc\nMCDC:1,2,t,1,0,x\nXYZ:1\nXYZ:2\nDA:1,1\nend_of_record\n");
    assertThat(r.lines()).isEqualTo(new CoverageCount(1, 1));
    assertThat(r.warnings()).hasSize(2).first().asString().contains(":4: ", "XYZ");
  }

  @Test
  void warningsAreCappedAndCounted() throws Exception {
    StringBuilder text = new StringBuilder("SF:a.c\n");
    for (int i = 0; i < 1000; i++) {
      text.append("X")
          .append((char) ('a' + i % 26))
          .append((char) ('a' + i / 26 % 26))
          .append(":1\n");
    }
    CoverageReport r = read(text.append("end_of_record\n").toString());
    assertThat(r.warnings()).hasSize(Warnings.MAX + 1);
    assertThat(r.warnings().get(Warnings.MAX)).contains("980 more warnings");
  }

  @Test
  void aSectionOpenedWithoutClosingThePreviousIsClosedWithAWarning() throws Exception {
    CoverageReport r = read("SF:a.c\nDA:1,1\nSF:b.c\nDA:1,0\nend_of_record\nend_of_record\n");
    assertThat(r.lines()).isEqualTo(new CoverageCount(1, 2));
    assertThat(r.warnings())
        .anySatisfy(w -> assertThat(w).startsWith("t.info:3: ").contains("line 1"))
        .anySatisfy(w -> assertThat(w).startsWith("t.info:6: ").contains("without a record"));
  }

  @Test
  void garbageIsRefusedNamingItsLine() {
    assertThatThrownBy(() -> read("SF:a.c\nDA:1,1\nthis is not lcov\nend_of_record\n"))
        .isInstanceOf(InputException.class)
        .hasMessage("t.info:3: not an LCOV record: `this is not lcov`");
    assertThatThrownBy(() -> read("SF:a.c\nDA:x,1\nend_of_record\n"))
        .hasMessageStartingWith("t.info:2: DA line number `x`");
    assertThatThrownBy(() -> read("SF:a.c\nDA:1,1.5\nend_of_record\n"))
        .hasMessageStartingWith("t.info:2: DA execution count");
    assertThatThrownBy(() -> read("SF:a.c\nDA:1\nend_of_record\n"))
        .hasMessageStartingWith("t.info:2: DA needs");
    assertThatThrownBy(() -> read("SF:a.c\nBRDA:1,0,1\nend_of_record\n"))
        .hasMessageStartingWith("t.info:2: BRDA needs");
    assertThatThrownBy(() -> read("SF:a.c\nLF:-1\nend_of_record\n"))
        .hasMessageStartingWith("t.info:2: LF `-1` is not a non-negative integer");
    assertThatThrownBy(() -> read("SF:a.c\nDA:99999999999,1\nend_of_record\n"))
        .hasMessageStartingWith("t.info:2: DA line number");
  }

  @Test
  void recordsOutsideASectionAreRefused() {
    assertThatThrownBy(() -> read("TN:\nDA:1,1\n"))
        .isInstanceOf(InputException.class)
        .hasMessage("t.info:2: DA outside a record: no SF before it");
  }

  @Test
  void aFileCutOffBeforeItsLastEndOfRecordIsRefused() {
    assertThatThrownBy(() -> read("SF:a.c\nDA:1,1\nend_of_record\nSF:b.c\nDA:1,1\n"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("t.info:4: ")
        .hasMessageContaining("truncated");
  }

  @Test
  void aFileWithoutRecordsIsRefused() {
    assertThatThrownBy(() -> read("")).hasMessageContaining("no SF record");
    assertThatThrownBy(() -> read("TN:\n\n")).hasMessageContaining("no SF record");
  }

  @Test
  void invalidUtf8InAPathIsRefused() {
    byte[] bytes = {
      'S',
      'F',
      ':',
      (byte) 0xFF,
      '\n',
      'e',
      'n',
      'd',
      '_',
      'o',
      'f',
      '_',
      'r',
      'e',
      'c',
      'o',
      'r',
      'd',
      '\n'
    };
    assertThatThrownBy(() -> reader.read(new java.io.ByteArrayInputStream(bytes), NAME))
        .hasMessage("t.info:1: not valid UTF-8");
  }

  @Test
  void anEndlessLineIsRefused() {
    String line = "SF:" + "x".repeat(LcovLines.MAX_LINE_BYTES + 10) + "\n";
    assertThatThrownBy(() -> read(line)).hasMessageContaining("line longer than");
  }

  @Test
  void aHostileLineNumberIsRefusedByTheDetailBudgetNotTheHeap() {
    LcovReader small = new LcovReader(1024 * 1024);
    assertThatThrownBy(
            () -> small.read(Fixtures.stream("SF:a.c\nDA:2000000000,1\nend_of_record\n"), NAME))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("t.info:2: coverage detail needs more than the reader's budget");
  }

  /** 2,000 one-line files cost their objects, not just their lines: over 1 MiB, refused. */
  @Test
  void manyTinyFilesAreChargedWhatTheyHoldAndRefusedByTheBudget() throws Exception {
    StringBuilder tiny = new StringBuilder();
    String half = null;
    for (int i = 0; i < 2_000; i++) {
      half = i == 1_000 ? tiny.toString() : half;
      tiny.append("SF:src/f").append(i).append(".c\nDA:1,1\nend_of_record\n");
    }
    LcovReader small = new LcovReader(1024 * 1024);
    assertThat(small.read(Fixtures.stream(half), NAME).lines())
        .isEqualTo(new CoverageCount(1_000, 1_000));
    assertThatThrownBy(() -> small.read(Fixtures.stream(tiny.toString()), NAME))
        .isInstanceOf(InputException.class)
        .hasMessageMatching("t\\.info:\\d+: coverage detail needs more than the reader's budget.*");
  }

  @Test
  void manyDistinctBranchesAreRefusedByTheBudgetButRepeatsCostNothing() throws Exception {
    StringBuilder repeats = new StringBuilder("SF:a.c\n");
    for (int i = 0; i < 200_000; i++) {
      repeats.append("BRDA:1,0,").append(i % 4).append(",1\n");
    }
    repeats.append("end_of_record\n");
    LcovReader small = new LcovReader(64 * 1024);
    assertThat(small.read(Fixtures.stream(repeats.toString()), NAME).branches())
        .isEqualTo(new CoverageCount(4, 4));

    StringBuilder distinct = new StringBuilder("SF:a.c\n");
    for (int i = 0; i < 200_000; i++) {
      distinct.append("BRDA:1,0,").append(i).append(",1\n");
    }
    assertThatThrownBy(() -> small.read(Fixtures.stream(distinct.toString()), NAME))
        .hasMessageContaining("budget");
  }

  @Test
  void overTheCallersSizeCapIsReportedAsTooLarge() {
    String big = "SF:a.c\n" + "DA:1,1\n".repeat(10_000) + "end_of_record\n";
    assertThatThrownBy(() -> reader.read(BoundedFiles.bounded(Fixtures.stream(big), 1000), NAME))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("larger than the limit of 1000 bytes")
        .satisfies(e -> assertThat(SizeLimitExceededException.in(e)).isNotNull());
  }
}
