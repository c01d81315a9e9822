package io.mosaic.crm.platform.admin.internal;

import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The {@code min}/{@code max} of each attribute of a PID, read from the bundle's Metatype XML. */
final class MetatypeRanges {
    private static final Logger LOG = LoggerFactory.getLogger(MetatypeRanges.class);

    private MetatypeRanges() {}

    /** attribute id → {min, max}, either may be null; empty when the bundle has no such XML. */
    static Map<String, String[]> of(Bundle bundle, String pid) {
        Enumeration<URL> files = bundle.findEntries("OSGI-INF/metatype", "*.xml", false);
        while (files != null && files.hasMoreElements()) {
            URL url = files.nextElement();
            try (InputStream in = url.openStream()) {
                Map<String, String[]> ranges = ranges(parse(in), pid);
                if (ranges != null) {
                    return ranges;
                }
            } catch (Exception e) {
                LOG.warn("cannot read Metatype XML {} of {}: {}", url, bundle.getSymbolicName(), e.toString());
            }
        }
        return Map.of();
    }

    /** The ranges of the OCD designated for {@code pid} in this document, or null if it designates none. */
    static Map<String, String[]> ranges(Document doc, String pid) {
        String ocdRef = null;
        for (Element designate : elements(doc.getDocumentElement(), "Designate")) {
            if (pid.equals(designate.getAttribute("pid")) || pid.equals(designate.getAttribute("factoryPid"))) {
                for (Element object : elements(designate, "Object")) {
                    ocdRef = object.getAttribute("ocdref");
                }
            }
        }
        if (ocdRef == null) {
            return null;
        }
        Map<String, String[]> ranges = new HashMap<>();
        for (Element ocd : elements(doc.getDocumentElement(), "OCD")) {
            if (ocdRef.equals(ocd.getAttribute("id"))) {
                for (Element ad : elements(ocd, "AD")) {
                    ranges.put(ad.getAttribute("id"), new String[] {blankToNull(ad.getAttribute("min")),
                            blankToNull(ad.getAttribute("max"))});
                }
            }
        }
        return ranges;
    }

    static Document parse(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // errors throw; nothing printed to stderr
        return builder.parse(in);
    }

    private static java.util.List<Element> elements(Element parent, String localName) {
        java.util.List<Element> found = new java.util.ArrayList<>();
        NodeList all = parent.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < all.getLength(); i++) {
            found.add((Element) all.item(i));
        }
        return found;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
