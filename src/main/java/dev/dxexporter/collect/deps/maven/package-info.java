/**
 * Maven: the reactor of a root pom.xml ({@code <modules>}, recursively), each project's declared
 * dependencies per scope after inheritance from parents on disk and {@code ${...}} interpolation,
 * without network access. Poms are parsed with the kit's hardened StAX. Entry point: {@link
 * dev.dxexporter.collect.deps.maven.MavenDependencyReader}.
 */
package dev.dxexporter.collect.deps.maven;
