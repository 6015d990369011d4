package dev.dxexporter.config;

import dev.dxexporter.config.yaml.YamlMapping;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One source's part of the config file: its defaults under {@code global.<globalKey>}, its section
 * {@code <projectKey>} in each project, and what it watches in the zero-config default. The loader
 * knows no source; it asks each section for its keys and hands it its nodes. Instances are compared
 * by identity: the same objects serve every load of a process.
 *
 * @param <D> the defaults read from {@code global}
 * @param <S> the settings of one project
 */
public interface ConfigSection<D, S> {
  /** The key of this source's section in a project entry, e.g. {@code caches}. */
  String projectKey();

  /** The key of its defaults under {@code global}, e.g. {@code cache}. */
  String globalKey();

  /**
   * The defaults: built-in values overridden by {@code global.<globalKey>} when present. Problems
   * are reported through {@code reader}, never thrown.
   */
  D readDefaults(Optional<YamlMapping> global, SectionReader reader);

  /**
   * This source's settings of one project, from its section (empty when the key is absent). An
   * empty result turns the source off for the project.
   */
  Optional<S> readProject(Optional<Node> section, D defaults, SectionReader reader);

  /**
   * The zero-config default for a directory: what to watch there, or empty when nothing applies.
   */
  Optional<S> detect(Detection detection);
}
