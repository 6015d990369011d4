package dev.dxexporter.collect.build;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxexporter.collect.build.CargoMessageLog.CargoUnitTiming;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.SizeLimitExceededException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code cargo build --message-format=json} log line by line (streamed: a log of a large
 * workspace holds every compiler diagnostic). A line that starts with {@code {} must be valid JSON,
 * else the log is refused with the line and column; other lines are counted and skipped. Messages
 * of reasons other than those summarised are ignored. Thread-safe.
 */
public final class CargoMessageLogReader {
  private final BoundedFiles files;
  private final ObjectMapper mapper = new ObjectMapper();

  public CargoMessageLogReader() {
    this(new BoundedFiles());
  }

  public CargoMessageLogReader(BoundedFiles files) {
    this.files = files;
  }

  public CargoMessageLog read(Path file) throws InputException {
    Tally tally = new Tally();
    int lineNumber = 0;
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                files.open(file),
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
      String line;
      while ((line = lines.readLine()) != null) {
        lineNumber++;
        String text = line.strip();
        if (text.isEmpty()) {
          continue;
        }
        if (!text.startsWith("{")) {
          tally.otherLines++;
          continue;
        }
        JsonNode message;
        try {
          message = mapper.readTree(line);
        } catch (JsonProcessingException e) {
          JsonLocation at = e.getLocation();
          throw new InputException(
              file,
              lineNumber,
              at == null ? 0 : at.getColumnNr(),
              "not a valid JSON message: " + e.getOriginalMessage(),
              e);
        }
        tally.add(message, file, lineNumber);
      }
    } catch (SizeLimitExceededException e) {
      throw new InputException(file, "file is " + e.getMessage(), e);
    } catch (CharacterCodingException e) {
      throw new InputException(file, lineNumber + 1, 0, "not valid UTF-8", e);
    } catch (IOException e) {
      throw new InputException(file, "cannot read: " + e, e);
    }
    return new CargoMessageLog(
        file,
        tally.artifacts,
        tally.fresh,
        tally.byKind,
        tally.buildScripts,
        tally.success,
        tally.errors,
        tally.warnings,
        tally.otherLines,
        tally.timings);
  }

  private static final class Tally {
    int artifacts;
    int fresh;
    final Map<CargoTargetKind, Integer> byKind = new EnumMap<>(CargoTargetKind.class);
    int buildScripts;
    Optional<Boolean> success = Optional.empty();
    int errors;
    int warnings;
    int otherLines;
    final List<CargoUnitTiming> timings = new ArrayList<>();

    void add(JsonNode message, Path file, int line) throws InputException {
      JsonNode reason = message.get("reason");
      if (reason == null || !reason.isTextual()) {
        otherLines++;
        return;
      }
      switch (reason.textValue()) {
        case "compiler-artifact" -> {
          artifacts++;
          JsonNode freshNode = message.get("fresh");
          if (freshNode != null && !freshNode.isNull() && !freshNode.isBoolean()) {
            throw new InputException(file, line, 0, "`fresh` is not true or false: " + freshNode);
          }
          if (freshNode != null && freshNode.asBoolean()) {
            fresh++;
          }
          byKind.merge(kind(message.path("target")), 1, Integer::sum);
        }
        case "build-script-executed" -> buildScripts++;
        case "build-finished" -> {
          JsonNode ok = message.get("success");
          if (ok == null || !ok.isBoolean()) {
            throw new InputException(file, line, 0, "build-finished without a true/false success");
          }
          success = Optional.of(ok.booleanValue());
        }
        case "compiler-message" -> {
          String level = message.path("message").path("level").asText("");
          if (level.equals("error")) {
            errors++;
          } else if (level.equals("warning")) {
            warnings++;
          }
        }
        case "timing-info" -> timings.add(timing(message, file, line));
        default -> {
          // compiler-message levels other than error/warning, build plans, future kinds
        }
      }
    }
  }

  /** The first {@code target.kind}: lib, rlib, proc-macro ... are libraries. */
  static CargoTargetKind kind(JsonNode target) {
    String kind = target.path("kind").path(0).asText("");
    return switch (kind) {
      case "lib", "rlib", "dylib", "cdylib", "staticlib", "proc-macro" -> CargoTargetKind.LIB;
      case "bin" -> CargoTargetKind.BIN;
      case "test" -> CargoTargetKind.TEST;
      case "bench" -> CargoTargetKind.BENCH;
      case "example" -> CargoTargetKind.EXAMPLE;
      case "custom-build" -> CargoTargetKind.BUILD_SCRIPT;
      default -> CargoTargetKind.OTHER;
    };
  }

  private static CargoUnitTiming timing(JsonNode message, Path file, int line)
      throws InputException {
    String packageId = message.path("package_id").asText("");
    PackageIdName id = PackageIdName.parse(packageId);
    JsonNode rmeta = message.get("rmeta_time");
    return new CargoUnitTiming(
        packageId,
        id.name(),
        id.version(),
        message.path("target").path("name").asText(""),
        kind(message.path("target")),
        message.path("mode").asText(""),
        BuildNumbers.seconds(message, "duration", file, line, "timing-info of " + packageId),
        rmeta == null || rmeta.isNull()
            ? Optional.empty()
            : Optional.of(
                BuildNumbers.seconds(
                    message, "rmeta_time", file, line, "timing-info of " + packageId)));
  }
}
