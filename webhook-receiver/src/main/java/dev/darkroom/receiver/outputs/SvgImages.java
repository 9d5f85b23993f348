package dev.darkroom.receiver.outputs;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Width and height of an SVG from its root element: the {@code width}/{@code height} attributes in pixels, else
 * the {@code viewBox}. Only the root element is read, with DTDs and external entities off, so the file cannot make
 * the parser fetch anything or expand entities.
 */
final class SvgImages {

    private static final Pattern PIXELS = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(px)?\\s*");
    private static final XMLInputFactory XML = hardened();

    private SvgImages() {}

    /** {width, height}, either null when the file does not say in pixels. */
    static Integer[] size(Path file) throws InvalidMediaException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = XML.createXMLStreamReader(in);
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                        if (!"svg".equals(reader.getLocalName())) {
                            throw new InvalidMediaException(
                                    "the SVG file's root element is <" + reader.getLocalName() + ">");
                        }
                        return size(reader);
                    }
                }
                throw new InvalidMediaException("the SVG file has no root element");
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | IOException e) {
            throw new InvalidMediaException("the SVG file is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static Integer[] size(XMLStreamReader svg) {
        Integer width = pixels(svg.getAttributeValue(null, "width"));
        Integer height = pixels(svg.getAttributeValue(null, "height"));
        if (width != null && height != null) {
            return new Integer[] {width, height};
        }
        String viewBox = svg.getAttributeValue(null, "viewBox");
        if (viewBox != null) {
            String[] parts = viewBox.strip().split("[\\s,]+");
            if (parts.length == 4) {
                Integer w = pixels(parts[2]);
                Integer h = pixels(parts[3]);
                if (w != null && h != null) {
                    return new Integer[] {w, h};
                }
            }
        }
        return new Integer[] {null, null};
    }

    private static Integer pixels(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = PIXELS.matcher(value);
        if (!m.matches()) {
            return null;
        }
        try {
            int rounded =
                    new BigDecimal(m.group(1)).setScale(0, RoundingMode.HALF_UP).intValueExact();
            return rounded > 0 ? rounded : null;
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** The JDK's own parser, whatever else is on the classpath, so the hardening below means what it says. */
    private static XMLInputFactory hardened() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }
}
