package dev.dxexporter.collect.coverage;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A Cobertura document read with DOM, independently of the reader: the root's stated attributes,
 * and a plain recount of {@code <class><lines><line>} per (filename, number).
 */
record StatedCobertura(Element root, CoverageCount lines, CoverageCount branches) {
  private static final Pattern CONDITIONS = Pattern.compile("\\((\\d+)/(\\d+)\\)");

  static StatedCobertura of(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setExpandEntityReferences(false);
    String body = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
    Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
    Map<String, Boolean> lines = new HashMap<>();
    Map<String, long[]> branches = new HashMap<>();
    NodeList classes = doc.getElementsByTagName("class");
    for (int i = 0; i < classes.getLength(); i++) {
      Element c = (Element) classes.item(i);
      for (Node n = c.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (!(n instanceof Element e) || !e.getTagName().equals("lines")) {
          continue;
        }
        NodeList ls = e.getElementsByTagName("line");
        for (int j = 0; j < ls.getLength(); j++) {
          Element l = (Element) ls.item(j);
          String key = c.getAttribute("filename") + ":" + l.getAttribute("number");
          lines.merge(key, Double.parseDouble(l.getAttribute("hits")) > 0, Boolean::logicalOr);
          Matcher m = CONDITIONS.matcher(l.getAttribute("condition-coverage"));
          if (l.getAttribute("branch").equals("true") && m.find()) {
            long[] b = {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
            branches.merge(
                key, b, (x, y) -> new long[] {Math.max(x[0], y[0]), Math.max(x[1], y[1])});
          }
        }
      }
    }
    long covered = lines.values().stream().filter(b -> b).count();
    long bc = branches.values().stream().mapToLong(b -> b[0]).sum();
    long bt = branches.values().stream().mapToLong(b -> b[1]).sum();
    return new StatedCobertura(
        doc.getDocumentElement(),
        new CoverageCount(covered, lines.size()),
        new CoverageCount(bc, bt));
  }

  /** The root's {@code <kind>-covered}/{@code <kind>-valid}, when it states both. */
  CoverageCount rootCount(String kind) {
    String c = root.getAttribute(kind + "-covered");
    String v = root.getAttribute(kind + "-valid");
    return c.isEmpty() || v.isEmpty()
        ? null
        : new CoverageCount(Long.parseLong(c), Long.parseLong(v));
  }

  double rootRate(String kind) {
    return Double.parseDouble(root.getAttribute(kind + "-rate"));
  }
}
