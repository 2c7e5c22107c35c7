package dev.essayist.content.engines;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.essayist.content.render.Extensions;

/** The syntax-tree nodes other engines' tags become. */
final class Nodes {

    private Nodes() {
    }

    /** A tag inside a paragraph (or heading, table cell, ...). */
    static final class InlineTag extends Extensions.Leaf {
        final Tag tag;
        /** What it stands for ({@link Values}), or {@code null} when it stands for no text. */
        final Values.Value value;

        InlineTag(Tag tag, Values.Value value) {
            super(tag.chars());
            this.tag = tag;
            this.value = value;
        }
    }

    /** A tag alone on its line (or lines, for a shortcode whose parameters are spread over several). */
    static final class TagBlock extends Block {
        final Tag tag;

        TagBlock(Tag tag) {
            super(tag.chars());
            this.tag = tag;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /** A callout shortcode and its Markdown content ({@link Callouts}). */
    static final class Callout extends Block {
        final Tag tag;
        final Callouts.Kind kind;
        boolean closed;

        Callout(Tag tag, Callouts.Kind kind) {
            super(tag.chars());
            this.tag = tag;
            this.kind = kind;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /** Hugo's figure shortcode alone on its line: the image (in its link) then a {@link Caption}. */
    static final class Figure extends Block {
        final String className;

        Figure(Tag tag, String className) {
            super(tag.chars());
            this.className = className;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /** A figure's caption: its title, caption (Markdown, parsed as inline content) and attribution. */
    static final class Caption extends Extensions.Leaf {
        final String title;
        final BasedSequence caption;
        final String attribution;
        final String attributionLink;

        Caption(BasedSequence chars, String title, BasedSequence caption, String attribution, String attributionLink) {
            super(chars);
            this.title = title;
            this.caption = caption;
            this.attribution = attribution;
            this.attributionLink = attributionLink;
        }
    }
}
