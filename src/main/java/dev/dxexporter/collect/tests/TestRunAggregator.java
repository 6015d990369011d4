package dev.dxexporter.collect.tests;

import dev.dxexporter.collect.input.InputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Combines the files one test run wrote into one {@link TestRun}: counts and case times add up; the
 * wall time does not (parallel forks, workers and packages overlap), so it is read like this:
 *
 * <ol>
 *   <li>Each file has a span: its root total ({@code <testsuites time>}, Node's {@code
 *       duration_ms}) from its root or first suite timestamp; else, when every top-level suite has
 *       a timestamp, max(start + time) − min(start) over them; else a duration without a start (see
 *       {@link ReportFile#wallTime()}).
 *   <li>One file: its own wall time.
 *   <li>Several files, every span with a start: max(start + duration) − min(start) over the files
 *       ({@link WallTime.Source#TIMESTAMP_SPAN}). This is Gradle's case, and any tool that writes
 *       start timestamps.
 *   <li>Otherwise the files are taken as having run one after another: the sum of their durations
 *       ({@link WallTime.Source#SUITE_SUM}); Surefire writes no timestamps, so with {@code
 *       forkCount > 1} this is an upper bound. Go files without timestamps are taken as parallel:
 *       the longest ({@link WallTime.Source#PARALLEL_MAX}, a lower bound).
 * </ol>
 *
 * <p>Not thread-safe: one aggregator per run, fed from one thread.
 */
public final class TestRunAggregator {
  private int files;
  private final Map<JUnitDialect, Integer> dialects = new EnumMap<>(JUnitDialect.class);
  private TestCounts counts = TestCounts.NONE;
  private final List<SuiteTime> suites = new ArrayList<>();
  private int suitesOmitted;
  private double caseSeconds;
  private final List<String> unreadable = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private int warningCount;
  private WallTime onlyWall;
  private boolean allStarted = true;
  private boolean allGo = true;
  private Instant firstStart;
  private Instant lastEnd;
  private double sumSeconds;
  private double maxSeconds;

  /** Adds one file of the run. */
  public TestRunAggregator add(ReportFile file) {
    files++;
    dialects.merge(file.dialect(), 1, Integer::sum);
    counts = counts.plus(file.counts());
    caseSeconds += file.caseSeconds();
    int room = ReportFile.MAX_SUITES - suites.size();
    suites.addAll(file.suites().subList(0, Math.min(room, file.suites().size())));
    suitesOmitted += file.suitesOmitted() + Math.max(0, file.suites().size() - room);
    for (String warning : file.warnings()) {
      if (warnings.size() < ReportValues.MAX_WARNINGS) {
        warnings.add(file.file() + ":" + warning);
      }
    }
    warningCount += file.warningCount();
    WallTime wall = file.wallTime();
    onlyWall = wall;
    Instant start =
        wall.source() == WallTime.Source.ROOT_TIME
                || wall.source() == WallTime.Source.TIMESTAMP_SPAN
            ? file.start()
            : null;
    allGo &=
        file.dialect() == JUnitDialect.GO_JUNIT_REPORT || file.dialect() == JUnitDialect.GOTESTSUM;
    if (wall.source() == WallTime.Source.NONE) {
      return this; // an empty file says nothing about the run's time
    }
    sumSeconds += wall.seconds();
    maxSeconds = Math.max(maxSeconds, wall.seconds());
    if (start == null) {
      allStarted = false;
    } else {
      firstStart = TopLevelTimes.earlier(firstStart, start);
      lastEnd = TopLevelTimes.later(lastEnd, start.plusNanos(Math.round(wall.seconds() * 1e9)));
    }
    return this;
  }

  /** Records a file of the run that could not be read. */
  public TestRunAggregator unreadable(InputException error) {
    files++;
    unreadable.add(error.getMessage());
    return this;
  }

  /** The run so far. */
  public TestRun run() {
    return new TestRun(
        files,
        dialects,
        counts,
        suites,
        suitesOmitted,
        wall(),
        allStarted ? firstStart : null,
        caseSeconds,
        unreadable,
        warnings,
        warningCount);
  }

  private WallTime wall() {
    if (files == 0) {
      return new WallTime(0, WallTime.Source.NONE);
    }
    if (files == 1 && onlyWall != null) {
      return onlyWall;
    }
    if (firstStart == null && sumSeconds == 0) {
      return new WallTime(
          caseSeconds, caseSeconds > 0 ? WallTime.Source.CASE_SUM : WallTime.Source.NONE);
    }
    if (allStarted && firstStart != null) {
      double span = (lastEnd.toEpochMilli() - firstStart.toEpochMilli()) / 1000.0;
      return new WallTime(Math.max(0, span), WallTime.Source.TIMESTAMP_SPAN);
    }
    if (allGo) {
      return new WallTime(maxSeconds, WallTime.Source.PARALLEL_MAX);
    }
    return new WallTime(sumSeconds, WallTime.Source.SUITE_SUM);
  }
}
