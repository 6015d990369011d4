package dev.dxexporter.collect.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureXmlTest {
  @TempDir Path tmp;
  private final SecureXml xml = new SecureXml();

  /** Reads every event; returns the text content of the document. */
  private String drain(InputStream in, Path name) throws Exception {
    XMLStreamReader r = xml.open(in, name);
    StringBuilder text = new StringBuilder();
    try {
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.CHARACTERS) {
          text.append(r.getText());
        }
      }
    } catch (XMLStreamException e) {
      throw SecureXml.error(name, e);
    }
    return text.toString();
  }

  @Test
  void anExternalFileEntityIsNotRead() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET");
    String doc =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>\n<r>&x;</r>\n";
    Path name = Path.of("xxe.xml");
    assertThatThrownBy(() -> drain(stream(doc), name))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("xxe.xml:3:")
        .hasMessageContaining("x")
        .hasMessageNotContaining("TOP-SECRET");
  }

  @Test
  void theJenkinsXxePayloadFailsWithoutFetchingAnything() throws Exception {
    Path fixture = Path.of("src/test/resources/input/testXxe-xxe.xml");
    try (InputStream in = Files.newInputStream(fixture)) {
      assertThatThrownBy(() -> drain(in, fixture))
          .isInstanceOf(InputException.class)
          .satisfies(e -> assertThat(((InputException) e).line()).isPositive());
    }
  }

  @Test
  void billionLaughsFailsFastInsteadOfExpanding() {
    StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n");
    doc.append("<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i < 10; i++) {
      doc.append("<!ENTITY lol")
          .append(i)
          .append(" \"")
          .append(("&lol" + (i - 1) + ";").repeat(10))
          .append("\">\n");
    }
    doc.append("]>\n<lolz>&lol9;</lolz>\n");
    assertThatThrownBy(() -> drain(stream(doc.toString()), Path.of("lol.xml")))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("lol.xml:");
  }

  @Test
  void theDeclaredEncodingIsHonoured() throws Exception {
    byte[] latin1 =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>Müller</r>"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(drain(new ByteArrayInputStream(latin1), Path.of("l.xml"))).isEqualTo("Müller");
  }

  @Test
  void aByteOrderMarkIsAccepted() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "<r>ok</r>".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);
    assertThat(drain(new ByteArrayInputStream(all), Path.of("b.xml"))).isEqualTo("ok");
  }

  @Test
  void aDoctypeWithAnHttpDtdIsNotFetched() throws Exception {
    // Cobertura reports carry this DOCTYPE; with DTDs off it is skipped, not downloaded.
    String doc =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE coverage SYSTEM"
            + " \"http://127.0.0.1:9/coverage-04.dtd\">\n<coverage>x</coverage>";
    assertThat(drain(stream(doc), Path.of("c.xml"))).isEqualTo("x");
  }

  @Test
  void aTruncatedDocumentNamesItsLine() {
    assertThatThrownBy(() -> drain(stream("<a>\n<b>\n"), Path.of("t.xml")))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("t.xml:")
        .satisfies(e -> assertThat(((InputException) e).line()).isGreaterThanOrEqualTo(2));
  }

  @Test
  void overTheSizeLimitIsReportedAsTooLargeNotAsMalformed() {
    String doc = "<r>" + "x".repeat(10_000) + "</r>";
    InputStream in = BoundedFiles.bounded(stream(doc), 1_000);
    assertThatThrownBy(() -> drain(in, Path.of("big.xml")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("larger than the limit of 1000 bytes")
        .satisfies(e -> assertThat(SizeLimitExceededException.in(e)).isNotNull());
  }

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
