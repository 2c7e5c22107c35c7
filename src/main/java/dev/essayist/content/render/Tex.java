package dev.essayist.content.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * TeX math to MathML Core, at index time, with KaTeX's MathML output ({@code output: 'mathml'})
 * run in GraalJS. KaTeX is the converter GitHub's own math rendering follows closely; its MathML
 * is rendered natively by browsers (MathML Core), so pages need no script or font.
 *
 * <p>The JavaScript engine is started on the first formula only (about three seconds; later
 * formulas take a few milliseconds), so bodies without math never pay for it. The context is
 * sandboxed by GraalJS's defaults: no host access, no I/O, no threads. KaTeX's own limits bound
 * the work one formula can cause ({@code maxExpand} macro expansions, {@code maxSize} em).
 * Thread-safe: one formula is converted at a time (a JavaScript context is single-threaded).
 */
final class Tex {

    private static final String WEBJAR = "META-INF/resources/webjars/katex/";
    private static final java.util.regex.Pattern ANNOTATION = java.util.regex.Pattern.compile(
            "<annotation encoding=\"application/x-tex\">.*?</annotation></semantics>", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern SELF_CLOSING = java.util.regex.Pattern.compile("<([a-z]+)([^<>]*?)\\s*/>");

    private final Context context;
    private final Value katex;
    private final Value inline;
    private final Value display;

    private Tex() {
        context = Context.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        context.eval(Source.newBuilder("js", script(), "katex.js").buildLiteral());
        katex = context.getBindings("js").getMember("katex");
        inline = options(false);
        display = options(true);
    }

    /** The engine, started on first use. */
    private static final class Holder {
        static final Tex TEX = new Tex();
    }

    /** Why a formula could not be converted: KaTeX's message, such as {@code Undefined control sequence: \frca}. */
    static final class TexException extends Exception {
        TexException(String message) {
            super(message);
        }
    }

    /**
     * @param tex     the formula, without its {@code $} delimiters
     * @param display whether it is a display formula ({@code $$…$$} or a {@code math} fence)
     * @return one {@code <math>} element ({@code display="block"} for display math)
     * @throws TexException when the TeX has an error
     */
    static String toMathMl(String tex, boolean display) throws TexException {
        return Holder.TEX.convert(tex, display);
    }

    private synchronized String convert(String tex, boolean asDisplay) throws TexException {
        String html;
        try {
            html = katex.invokeMember("renderToString", tex, asDisplay ? display : inline).asString();
        } catch (PolyglotException e) {
            if (e.isGuestException()) {
                // KaTeX underlines the bad part with U+0332 combining low lines, which a log can't show.
                throw new TexException(e.getMessage().replaceFirst("^(Error|ParseError): ", "")
                        .replaceFirst("^KaTeX parse error: ", "").replace("\u0332", ""));
            }
            throw e;
        }
        // KaTeX wraps the <math> in span.katex (and span.katex-display); the element alone is enough.
        int start = html.indexOf("<math");
        int end = html.lastIndexOf("</math>");
        if (start < 0 || end < 0) {
            throw new TexException("KaTeX returned no MathML");
        }
        // KaTeX writes empty elements the XML way (<mspace width="1em"/>); the sanitiser reads HTML,
        // where that slash is ignored, so each gets an end tag.
        String math = html.substring(start, end + "</math>".length())
                .replace(" xmlns=\"http://www.w3.org/1998/Math/MathML\"", "").replace("<semantics>", "");
        // The TeX source annotation is not shown, but it would be read into the excerpt, the search
        // text and a feed reader that drops MathML ("λ/nλ / n"); the MathML alone reads "λ/n".
        math = ANNOTATION.matcher(math).replaceFirst("");
        return SELF_CLOSING.matcher(math).replaceAll("<$1$2></$1>");
    }

    private Value options(boolean asDisplay) {
        Value options = context.eval("js", "({output: 'mathml', throwOnError: true, strict: 'ignore', trust: false})");
        options.putMember("displayMode", asDisplay);
        return options;
    }

    private static String script() {
        ClassLoader loader = Tex.class.getClassLoader();
        try (InputStream pom = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/katex/pom.properties")) {
            if (pom == null) {
                throw new IllegalStateException("KaTeX's WebJar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(pom);
            String path = WEBJAR + properties.getProperty("version") + "/dist/katex.js";
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("KaTeX's WebJar has no " + path);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read KaTeX from its WebJar", e);
        }
    }
}
