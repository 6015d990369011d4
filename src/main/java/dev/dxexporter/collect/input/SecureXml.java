package dev.dxexporter.collect.input;

import java.io.InputStream;
import java.nio.file.Path;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one StAX factory every XML report reader uses: the JDK's own implementation (never whatever a
 * jar on the classpath registers: Woodstox would fetch a Cobertura report's http DTD), with DTDs
 * and external entities off. An XXE payload or a billion-laughs document then fails as an
 * undeclared entity, with its line, instead of reading a file or the network or exhausting the
 * heap. The encoding comes from the document (BOM, XML declaration), so ISO-8859-1 reports read
 * correctly.
 */
public final class SecureXml {
  private final XMLInputFactory factory;

  public SecureXml() {
    factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resource " + systemId + " refused");
        });
  }

  /** A streaming reader over {@code in}; {@code file} names the input in errors. */
  public XMLStreamReader open(InputStream in, Path file) throws InputException {
    try {
      return factory.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw error(file, e);
    }
  }

  /** {@code e} as a located input error; a size-limit failure keeps its cause for the caller. */
  public static InputException error(Path file, XMLStreamException e) {
    SizeLimitExceededException tooLarge = SizeLimitExceededException.in(e);
    if (tooLarge != null) {
      return new InputException(file, "file is " + tooLarge.getMessage(), tooLarge);
    }
    Location at = e.getLocation();
    int line = at == null ? 0 : at.getLineNumber();
    int column = at == null ? 0 : at.getColumnNumber();
    return new InputException(file, line, column, "not well-formed XML: " + problem(e), e);
  }

  /** The parser's message without the "ParseError at [row,col]:" prefix the JDK adds. */
  private static String problem(XMLStreamException e) {
    String m = String.valueOf(e.getMessage());
    int i = m.indexOf("Message: ");
    return (i >= 0 ? m.substring(i + "Message: ".length()) : m).strip();
  }
}
