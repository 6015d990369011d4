package dev.dxexporter.cli;

import dev.dxexporter.client.CiEnvironment;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --branch}, {@code --commit}, {@code --run} of the CI-side commands, over the CI's own. */
final class CiOverrides {
  @Option(names = "--branch", description = "Default: from the CI's environment.")
  Optional<String> branch = Optional.empty();

  @Option(names = "--commit", description = "Default: from the CI's environment.")
  Optional<String> commit = Optional.empty();

  @Option(names = "--run", description = "The CI run's id. Default: from the CI's environment.")
  Optional<String> run = Optional.empty();

  /**
   * The CI's branch, commit and run as {@code env} names them, each flag given taking its place.
   */
  CiEnvironment resolve(Map<String, String> env) {
    CiEnvironment ci = CiEnvironment.detect(env);
    return new CiEnvironment(
        ci.provider(), branch.or(ci::branch), commit.or(ci::commit), run.or(ci::run));
  }
}
