package dev.essayist.content.render;

import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The parts of flexmark's extension factories that Essayist's extensions share: none of them has
 * to run before or after another extension, nor affects the whole document. flexmark tells
 * factories apart by their class, so each extension subclasses these rather than sharing one.
 */
public final class Extensions {

    private Extensions() {
    }

    /** An inline parser factory that depends on no other: subclass it once per extension. */
    public abstract static class IndependentInlines implements InlineParserExtensionFactory {
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

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }

    /** A block parser factory that depends on no other: subclass it once per extension. */
    public abstract static class IndependentBlocks implements CustomBlockParserFactory {

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }
}
