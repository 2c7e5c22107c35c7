package dev.essayist.content.render;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Set;

/**
 * flexmark's {@code TablesExtension}, with one table pre-processor for every body. flexmark makes
 * a new one per body, and each compiles its header-separator regex again; the pre-processor keeps
 * nothing of a body (it reads the paragraph and parser state it is handed, and its options and
 * regex never change), so one serves every body and thread.
 */
public final class SharedTables implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private final TablesExtension tables = TablesExtension.create();

    @Override
    public void parserOptions(MutableDataHolder options) {
        tables.parserOptions(options);
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
        tables.rendererOptions(options);
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        tables.extend(builder, rendererType);
    }

    @Override
    public void extend(Parser.Builder builder) {
        ParagraphPreProcessorFactory each = TableParagraphPreProcessor.Factory();
        builder.paragraphPreProcessorFactory(new ParagraphPreProcessorFactory() {
            private volatile ParagraphPreProcessor shared;

            @Override
            public boolean affectsGlobalScope() {
                return each.affectsGlobalScope();
            }

            @Override
            public Set<Class<?>> getAfterDependents() {
                return each.getAfterDependents();
            }

            @Override
            public Set<Class<?>> getBeforeDependents() {
                return each.getBeforeDependents();
            }

            @Override
            public ParagraphPreProcessor apply(ParserState state) {
                ParagraphPreProcessor one = shared;
                if (one == null) {
                    one = each.apply(state); // two threads may both make one; either serves
                    shared = one;
                }
                return one;
            }
        });
    }
}
