package dev.dxexporter.ingest;

import dev.dxexporter.collect.build.CcacheStatsReader;
import dev.dxexporter.collect.build.CompilerCacheStats;
import dev.dxexporter.collect.build.SccacheStatsReader;
import dev.dxexporter.collect.input.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A saved compiler-cache statistics file, its tool told from its content: {@code ccache
 * --print-stats} (tab-separated counter lines, or JSON with ccache's counter ids), else {@code
 * sccache --show-stats} (JSON with {@code --stats-format=json}, or its text table).
 */
final class CompilerCacheFile {
  private static final Pattern CCACHE_LINE = Pattern.compile("(?m)^[a-z_]+\t\\d+\\s*$");
  private static final Pattern CCACHE_JSON = Pattern.compile("\"(direct_cache_hit|cache_miss)\"");

  private final SccacheStatsReader sccache = new SccacheStatsReader();
  private final CcacheStatsReader ccache = new CcacheStatsReader();

  CompilerCacheStats read(Path file) throws InputException {
    String head;
    try (InputStream in = Files.newInputStream(file)) {
      head = new String(in.readNBytes(8192), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(file, "cannot read: " + e.getMessage(), e);
    }
    boolean isCcache =
        CCACHE_LINE.matcher(head).find()
            || (head.stripLeading().startsWith("{") && CCACHE_JSON.matcher(head).find());
    return isCcache ? ccache.read(file) : sccache.read(file);
  }
}
