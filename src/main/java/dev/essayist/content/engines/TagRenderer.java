package dev.essayist.content.engines;

import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import java.util.Set;

/**
 * Writes the nodes other engines' tags became. Nothing of a tag is ever written as text, except
 * what it stands for ({@link Values}) and a shortcode Hugo shows as text (<code>{{&lt;/&#42; x &#42;/&gt;}}</code>
 * is {@code {{< x >}}}); a tag the site does not run, or one written where it cannot work, is
 * left out and reported as a warning at its line, so {@code check} names it.
 */
final class TagRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(Nodes.InlineTag.class, (node, context, html) -> inline(node, html)),
                new NodeRenderingHandler<>(Nodes.TagBlock.class, (node, context, html) -> tag(node.tag, node, true, html)),
                new NodeRenderingHandler<>(Nodes.Callout.class, TagRenderer::callout),
                new NodeRenderingHandler<>(Nodes.Figure.class, TagRenderer::figure),
                new NodeRenderingHandler<>(Nodes.Caption.class, TagRenderer::caption));
    }

    private static void inline(Nodes.InlineTag node, HtmlWriter html) {
        Tag tag = node.tag;
        if (node.value != null) {
            html.text(node.value.text());
            if (node.value.problem() != null) {
                Problems.warn(node.getDocument(), node.getStartOffset(), node.value.problem());
            }
        } else if (tag.kind() == Tag.Kind.SHORTCODE_COMMENT) {
            html.text(literal(tag));
        } else {
            tag(tag, node, false, html);
        }
    }

    /**
     * @param tag a {@link Tag.Kind#SHORTCODE_COMMENT}
     * @return the shortcode Hugo shows for it: {@code {{< x >}}} for <code>{{&lt;/&#42; x &#42;/&gt;}}</code>
     */
    static String literal(Tag tag) {
        char delimiter = tag.chars().charAt(2);
        return "{{" + delimiter + tag.params().get(0).value() + (delimiter == '<' ? '>' : '%') + "}}";
    }

    private static void tag(Tag tag, Node node, boolean block, HtmlWriter html) {
        String problem;
        if (tag.kind() == Tag.Kind.LIQUID && (tag.name().equals("raw") || tag.name().equals("endraw"))) {
            if (RawRegions.of(node.getDocument()).marker(node.getStartOffset())) {
                return;
            }
            problem = tag.name().equals("raw") ? "{% raw %} has no {% endraw %} after it, so it is left out and what follows is read as usual"
                    : "{% endraw %} closes no {% raw %}; it is left out";
        } else if (Embeds.NAMES.contains(tag.name()) && !tag.closing()) {
            Embeds.Embed embed = Embeds.of(tag);
            if (embed != null) {
                Embeds.write(embed, block, html);
                return;
            }
            problem = tag.label() + " names no " + tag.name() + " id the site can link to; it is left out";
        } else if (tag.shortcode() && !tag.closing() && tag.name().equals("figure")) {
            problem = tag.label() + " has no src; it is left out";
        } else if (block && Callouts.kind(tag) != null) {
            problem = tag.label() + " is inside more than " + TagLines.MAX_DEPTH + " blocks (callouts, lists, quotes); it is left out";
        } else if (Highlights.opens(tag) || Callouts.kind(tag) != null) {
            problem = tag.label() + " must stand alone on its line, with its closing tag on a line of its own; it is left out";
        } else if (tag.closing() || tag.kind() == Tag.Kind.LIQUID && tag.name().startsWith("end")) {
            problem = tag.label() + " closes nothing open here; it is left out";
        } else {
            problem = tag.label() + " is a " + (tag.shortcode() ? "Hugo shortcode" : "Liquid tag")
                    + " this site does not run; it is left out of the page";
        }
        Problems.warn(node.getDocument(), node.getStartOffset(), problem);
    }

    private static void callout(Nodes.Callout node, NodeRendererContext context, HtmlWriter html) {
        if (!node.closed) {
            Problems.warn(node.getDocument(), node.getStartOffset(), node.tag.label() + " has no closing "
                    + "{{" + node.tag.chars().charAt(2) + " /" + node.tag.name() + " " + node.tag.chars().charAt(2)
                    + "}}; the callout runs to the end of the enclosing block");
        }
        String title = Callouts.title(node.tag, node.kind);
        if (node.kind == Callouts.Kind.DETAILS) {
            html.line().raw("<details").raw("true".equals(node.tag.param("open", -1)) ? " open" : "").raw("><summary>")
                    .text(title).raw("</summary>");
            context.renderChildren(node);
            html.raw("</details>").line();
            return;
        }
        html.line().raw("<div class=\"callout ").raw(node.kind.cssClass()).raw("\" role=\"note\"><p class=\"callout-title\">")
                .text(title).raw("</p>");
        context.renderChildren(node);
        html.raw("</div>").line();
    }

    private static void figure(Nodes.Figure node, NodeRendererContext context, HtmlWriter html) {
        html.line().raw("<figure class=\"figure");
        if (node.className != null) {
            html.raw(" ").text(node.className);
        }
        html.raw("\">");
        context.renderChildren(node);
        html.raw("</figure>").line();
    }

    private static void caption(Nodes.Caption node, NodeRendererContext context, HtmlWriter html) {
        html.raw("<figcaption>");
        if (node.title != null) {
            html.raw("<strong>").text(node.title).raw("</strong>");
        }
        if (node.caption != null) {
            html.raw(node.title != null ? " " : "");
            context.renderChildren(node);
        }
        if (node.attribution != null) {
            html.raw(node.title != null || node.caption != null ? " " : "");
            if (node.attributionLink != null) {
                html.raw("<a href=\"").text(node.attributionLink).raw("\">").text(node.attribution).raw("</a>");
            } else {
                html.text(node.attribution);
            }
        }
        html.raw("</figcaption>");
    }
}
