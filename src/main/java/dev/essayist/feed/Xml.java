package dev.essayist.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.Document;
import org.jdom2.ProcessingInstruction;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/** Serialises a Rome feed as UTF-8 XML, optionally with an {@code xml-stylesheet} instruction. */
final class Xml {

    private Xml() {
    }

    /**
     * @param feed       an RSS channel or Atom feed
     * @param stylesheet root-relative URL of an XSLT stylesheet for browsers, or {@code null}
     * @return the XML document
     * @throws IllegalStateException if Rome rejects the feed (a bug: our feeds are built valid)
     */
    static String write(WireFeed feed, String stylesheet) {
        try {
            Document doc = new WireFeedOutput().outputJDom(feed);
            if (stylesheet != null) {
                doc.addContent(0, new ProcessingInstruction("xml-stylesheet",
                        "type=\"text/xsl\" href=\"" + stylesheet + "\""));
            }
            return new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8")).outputString(doc);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write the " + feed.getFeedType() + " feed", e);
        }
    }
}
