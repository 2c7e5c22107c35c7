package dev.essayist.content.render;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * flexmark's {@code AutolinkExtension}, with the same post-processor, run only on text that can
 * hold a link. flexmark runs a regex ({@code \b([a-z][a-z0-9+.-]*://)}) and the autolink
 * library's scan over every text node; the library finds a URL only at {@code ://}, an e-mail
 * address only at {@code @}, and a bare host only at {@code www.}, and the regex needs
 * {@code ://} too. A text node none of whose characters can be escaped or decoded into another
 * character ({@code \}, {@code &}), and not joined with a following entity or typographic
 * node, holding none of the three, gets no link from flexmark's post-processor either, so it
 * is skipped; every other node goes to that post-processor unchanged.
 */
public final class CheapAutolinks implements Parser.ParserExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new NodePostProcessorFactory(false) {
            {
                addNodes(Text.class);
            }

            @Override
            public NodePostProcessor apply(com.vladsch.flexmark.util.ast.Document document) {
                AutolinkNodePostProcessor autolinks = new AutolinkNodePostProcessor(document);
                return new NodePostProcessor() {
                    @Override
                    public void process(NodeTracker state, Node node) {
                        if (mayHoldLink(node)) {
                            autolinks.process(state, node);
                        }
                    }
                };
            }
        });
    }

    /** @return false only when flexmark's autolink post-processor surely finds no link in {@code node} */
    public static boolean mayHoldLink(Node node) {
        if (node.getNext() instanceof TypographicText || node.getNext() instanceof HtmlEntity) {
            return true;
        }
        CharSequence chars = node.getChars();
        int length = chars.length();
        for (int i = 0; i < length; i++) {
            char c = chars.charAt(i);
            if (c == '@' || c == '\\' || c == '&'
                    || c == ':' && i + 2 < length && chars.charAt(i + 1) == '/' && chars.charAt(i + 2) == '/'
                    || c == 'w' && i + 3 < length && chars.charAt(i + 1) == 'w' && chars.charAt(i + 2) == 'w'
                            && chars.charAt(i + 3) == '.') {
                return true;
            }
        }
        return false;
    }
}
