package dev.dxexporter.collect.tests;

import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Moves over elements a reader does not need, without turning their text into strings. */
final class Elements {
  /** Skips to the end tag of the element just started. */
  static void skip(XMLStreamReader reader) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /**
   * Reads to the end tag of the element just started, keeping in {@code text} the first {@code
   * limit} characters of its own text (not of nested elements).
   */
  static void ownText(XMLStreamReader reader, StringBuilder text, int limit)
      throws XMLStreamException {
    text.setLength(0);
    int depth = 1;
    while (depth > 0) {
      switch (reader.next()) {
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (depth == 1 && text.length() < limit) {
            int length = Math.min(reader.getTextLength(), limit - text.length());
            text.append(reader.getTextCharacters(), reader.getTextStart(), length);
          }
        }
        default -> {}
      }
    }
  }

  /** Reads a {@code <properties>} element, handing each property's name to {@code names}. */
  static void propertyNames(XMLStreamReader reader, Consumer<String> names)
      throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        String name = reader.getAttributeValue(null, "name");
        if (name != null && reader.getLocalName().equals("property")) {
          names.accept(name);
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private Elements() {}
}
