package io.mosaic.crm.platform.tuning.internal.catalogue;

import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.osgi.framework.Bundle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code min} and {@code max} of each attribute, read from a bundle's
 * {@code OSGI-INF/metatype/*.xml}: the Metatype service API validates against them but does not
 * expose them. Keyed by the designated (factory) PID, then the attribute id.
 */
final class MetatypeRanges {
    private static final Logger LOG = LoggerFactory.getLogger(MetatypeRanges.class);

    private MetatypeRanges() {
    }

    static Map<String, Map<String, String[]>> of(Bundle bundle) {
        Map<String, Map<String, String[]>> byPid = new HashMap<>();
        Enumeration<URL> files = bundle.findEntries("OSGI-INF/metatype", "*.xml", false);
        while (files != null && files.hasMoreElements()) {
            URL file = files.nextElement();
            try (InputStream in = file.openStream()) {
                read(parse(in), byPid);
            } catch (Exception e) {
                LOG.debug("cannot read metatype {} of {}: {}", file, bundle.getSymbolicName(), e.toString());
            }
        }
        return byPid;
    }

    private static Document parse(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(in);
    }

    private static void read(Document doc, Map<String, Map<String, String[]>> byPid) {
        Map<String, Map<String, String[]>> byOcd = new HashMap<>();
        NodeList ocds = doc.getElementsByTagNameNS("*", "OCD");
        for (int i = 0; i < ocds.getLength(); i++) {
            Element ocd = (Element) ocds.item(i);
            Map<String, String[]> ranges = new HashMap<>();
            NodeList ads = ocd.getElementsByTagNameNS("*", "AD");
            for (int j = 0; j < ads.getLength(); j++) {
                Element ad = (Element) ads.item(j);
                ranges.put(ad.getAttribute("id"), new String[] {empty(ad.getAttribute("min")), empty(ad.getAttribute("max"))});
            }
            byOcd.put(ocd.getAttribute("id"), ranges);
        }
        NodeList designates = doc.getElementsByTagNameNS("*", "Designate");
        for (int i = 0; i < designates.getLength(); i++) {
            Element designate = (Element) designates.item(i);
            String pid = designate.hasAttribute("factoryPid") && !designate.getAttribute("factoryPid").isEmpty()
                    ? designate.getAttribute("factoryPid") : designate.getAttribute("pid");
            NodeList objects = designate.getElementsByTagNameNS("*", "Object");
            if (objects.getLength() > 0) {
                Map<String, String[]> ranges = byOcd.get(((Element) objects.item(0)).getAttribute("ocdref"));
                if (ranges != null) {
                    byPid.put(pid, ranges);
                }
            }
        }
    }

    private static String empty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
