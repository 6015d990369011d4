package dev.dxexporter.collect.deps.maven;

/**
 * One {@code <dependency>} as written (before interpolation); {@code scope} is null when not given.
 * {@code line} is where it starts in its pom.xml.
 */
record MavenDependency(
    String groupId, String artifactId, String type, String classifier, String scope, int line) {

  /** Maven's identity of a dependency: groupId:artifactId:type[:classifier]. */
  String managementKey() {
    String base = groupId + ":" + artifactId + ":" + (type == null ? "jar" : type);
    return classifier == null ? base : base + ":" + classifier;
  }

  /**
   * The name counted per scope: groupId:artifactId, plus type/classifier when they are not the
   * default jar.
   */
  String displayName() {
    String name = groupId + ":" + artifactId;
    if (type != null && !type.equals("jar")) {
      name += ":" + type;
    }
    return classifier == null ? name : name + ":" + classifier;
  }

  MavenDependency withCoordinates(
      String groupId, String artifactId, String type, String classifier, String scope) {
    return new MavenDependency(groupId, artifactId, type, classifier, scope, line);
  }
}
