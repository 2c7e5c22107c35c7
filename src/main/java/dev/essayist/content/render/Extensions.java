package dev.essayist.content.render;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.dependency.Dependent;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The parts of flexmark's extension API that Essayist's extensions share: none of them has to run
 * before or after another extension, nor affects the whole document; their inline parsers have
 * nothing to finish at a block's or the document's end; their nodes write no text of their own.
 * flexmark tells factories apart by their class, so each extension subclasses these rather than
 * sharing one.
 */
public final class Extensions {

    private Extensions() {
    }

    /** A factory that runs neither before nor after another extension's, nor affects the whole document. */
    interface Independent extends Dependent {

        @Override
        default Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        default Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        default boolean affectsGlobalScope() {
            return false;
        }
    }

    /** An inline parser with nothing to finish at a block's or the document's end. */
    public interface InlineExtension extends InlineParserExtension {

        @Override
        default void finalizeDocument(InlineParser parser) {
        }

        @Override
        default void finalizeBlock(InlineParser parser) {
        }
    }

    /** A node that stands for its source and has no segments of its own (flexmark's {@code getSegments}). */
    public abstract static class Leaf extends Node {

        /** @param chars the source the node stands for */
        protected Leaf(BasedSequence chars) {
            super(chars);
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /** An inline parser factory that depends on no other: subclass it once per extension. */
    public abstract static class IndependentInlines implements InlineParserExtensionFactory, Independent {
        private final String characters;
        private final Supplier<InlineParserExtension> extension;

        /**
         * @param characters the characters at which flexmark asks the extension to parse
         * @param extension  makes the extension for one parse
         */
        protected IndependentInlines(String characters, Supplier<InlineParserExtension> extension) {
            this.characters = characters;
            this.extension = extension;
        }

        @Override
        public CharSequence getCharacters() {
            return characters;
        }

        @Override
        public InlineParserExtension apply(LightInlineParser parser) {
            return extension.get();
        }
    }

    /** A block parser factory that depends on no other: subclass it once per extension. */
    public abstract static class IndependentBlocks implements CustomBlockParserFactory, Independent {
    }
}
