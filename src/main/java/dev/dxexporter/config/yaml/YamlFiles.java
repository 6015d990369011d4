package dev.dxexporter.config.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reading a YAML file the way every dx-exporter config is read (dx.yml, the web config): bounded,
 * strict UTF-8, composed to nodes with line and column (SnakeYAML Engine, YAML 1.2), every failure
 * a located {@link ConfigException}.
 */
public final class YamlFiles {
  public static final int MAX_BYTES = 1024 * 1024;

  private YamlFiles() {}

  /** The file's text: at most {@link #MAX_BYTES}, valid UTF-8; else a located error. */
  public static String readUtf8(Path file) throws ConfigException {
    String name = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw failure(name, "file is larger than " + MAX_BYTES + " bytes");
      }
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw failure(name, "file is not valid UTF-8");
    } catch (NoSuchFileException e) {
      throw failure(name, "file not found");
    } catch (AccessDeniedException e) {
      throw failure(name, "permission denied");
    } catch (IOException e) {
      throw failure(name, "cannot read: " + (e.getMessage() == null ? e : e.getMessage()));
    }
  }

  /** The root node of {@code text} (empty for an empty document); a syntax error, located. */
  public static Optional<Node> compose(String text, String fileName) throws ConfigException {
    YamlDepth.TooDeep deep = YamlDepth.check(text);
    if (deep != null) {
      throw new ConfigException(
          List.of(
              new ConfigError(
                  fileName,
                  deep.line(),
                  deep.column(),
                  "",
                  "YAML nests deeper than " + YamlDepth.MAX + " levels")));
    }
    try {
      LoadSettings settings =
          LoadSettings.builder().setLabel(fileName).setMaxAliasesForCollections(20).build();
      return new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      YamlErrors errors = new YamlErrors(fileName);
      errors.at(e.getProblemMark(), "", "YAML syntax: " + e.getProblem());
      throw new ConfigException(errors.list());
    } catch (YamlEngineException e) {
      throw failure(fileName, "YAML syntax: " + e.getMessage());
    } catch (StackOverflowError e) {
      // The depth check above should make this unreachable; a refusal, never a crash.
      throw failure(fileName, "YAML nests too deeply to parse");
    }
  }

  /** A problem of the file as a whole. */
  public static ConfigException failure(String file, String message) {
    return new ConfigException(List.of(new ConfigError(file, 0, 0, "", message)));
  }
}
