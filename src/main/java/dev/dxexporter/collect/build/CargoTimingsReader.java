package dev.dxexporter.collect.build;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.JsonDocuments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads cargo's {@code --timings} HTML report ({@code target/cargo-timings/cargo-timing.html}).
 * Cargo embeds its data as JavaScript, {@code const UNIT_DATA = [...];}, a JSON array written by
 * serde; this reader takes that array and the summary table, and nothing of the script. Any report
 * since the 2019 {@code -Z timings} one reads (see {@link CargoUnitData} for the fields).
 *
 * <p>Refused with a located {@link InputException}: a file over the size cap, one without {@code
 * UNIT_DATA} (not a timing report), malformed or truncated JSON, {@code NaN}, and durations that
 * are negative or longer than a week. Thread-safe.
 */
public final class CargoTimingsReader {
  /**
   * The largest report read. The page is held as text while its JSON is parsed, about 6 bytes of
   * heap per byte of file (bench/parse-heap-reports.sh): 8 MiB (cargo writes about 0.5 KiB per
   * unit, so some 15,000 units) reads in 48 MiB, while 32 MiB needed 192 MiB, more than the chart's
   * heap.
   */
  public static final long MAX_BYTES = 8L << 20;

  private static final Pattern UNIT_DATA =
      Pattern.compile("\\b(?:const|let|var)\\s+UNIT_DATA\\s*=\\s*");

  private final BoundedFiles files;
  private final ObjectMapper mapper;

  public CargoTimingsReader() {
    this(new BoundedFiles(MAX_BYTES));
  }

  public CargoTimingsReader(BoundedFiles files) {
    this.files = files;
    this.mapper =
        new ObjectMapper(
            JsonFactory.builder()
                .streamReadConstraints(
                    StreamReadConstraints.builder()
                        .maxNestingDepth(JsonDocuments.MAX_NESTING_DEPTH)
                        .build())
                .build());
  }

  public CargoTimings read(Path file) throws InputException {
    return parse(files.readText(file), file);
  }

  /** {@code html} as a report; {@code file} names it in errors. */
  public CargoTimings parse(String html, Path file) throws InputException {
    Matcher marker = UNIT_DATA.matcher(html);
    if (!marker.find()) {
      throw new InputException(
          file,
          "no `const UNIT_DATA = [...]` in this HTML: not a cargo --timings report,"
              + " or from a cargo version this reader does not know");
    }
    List<CargoUnit> units = units(html, marker.end(), file);
    CargoSummaryTable summary = CargoSummaryTable.of(html, file);
    double total =
        summary
            .totalSeconds()
            .orElseGet(() -> units.stream().mapToDouble(CargoUnit::endSeconds).max().orElse(0));
    return new CargoTimings(
        file,
        BuildNumbers.seconds(total, file, 0, "total time"),
        summary.count("Fresh units"),
        summary.count("Dirty units"),
        summary.count("Total units"),
        summary.concurrency(false),
        summary.concurrency(true),
        summary.firstLine("Profile"),
        summary.firstLine("rustc"),
        summary.buildStart(),
        summary.text("Error"),
        units);
  }

  private List<CargoUnit> units(String html, int offset, Path file) throws InputException {
    int baseLine = CargoSummaryTable.lineAt(html, offset);
    int baseColumn = offset - html.lastIndexOf('\n', offset - 1);
    List<CargoUnit> units = new ArrayList<>();
    try (JsonParser parser =
        mapper.getFactory().createParser(html.toCharArray(), offset, html.length() - offset)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new InputException(file, baseLine, baseColumn, "UNIT_DATA is not a JSON array");
      }
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null) {
          throw new InputException(file, baseLine, baseColumn, "UNIT_DATA is cut off");
        }
        int line = fileLine(parser.currentTokenLocation(), baseLine);
        JsonNode node = mapper.readTree(parser);
        units.add(CargoUnitData.unit(node, file, line));
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : fileLine(at, baseLine);
      int column =
          at == null
              ? 0
              : at.getLineNr() == 1 ? baseColumn - 1 + at.getColumnNr() : at.getColumnNr();
      throw new InputException(
          file, line, column, "UNIT_DATA is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InputException(file, "cannot read UNIT_DATA: " + e, e);
    }
    return units;
  }

  /** Jackson counts lines from the start of UNIT_DATA; the file's line is offset by that. */
  private static int fileLine(JsonLocation at, int baseLine) {
    return at.getLineNr() <= 0 ? 0 : baseLine + at.getLineNr() - 1;
  }
}
