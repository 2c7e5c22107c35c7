package dev.essayist.content.engines;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.misc.CharPredicate;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.essayist.content.render.Extensions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an attribute list where the inline parser stands, if one is there and may be there
 * ({@link AttributeLists}): kramdown's {@code {: …}} and extensions anywhere, {@code {#id .class}}
 * only at the end of a heading or alone on its line.
 */
final class AttributeListParser implements Extensions.InlineExtension {

    private static final Pattern LIST = Pattern.compile("\\{(:?)([^{}\\n]{0,256})\\}");
    private static final Pattern EXTENSION = Pattern.compile("\\{::(\\w+)[^{}\\n]{0,256}?(/?)\\}|\\{:/\\w*\\}");
    private static final Pattern TOKEN = Pattern.compile("\\s*(?:#(?<id>[A-Za-z][\\w:.-]*)|\\.[\\w-]+"
            + "|(?<key>[\\w-]+)=(?:\"(?<quoted>[^\"]*)\"|'(?<single>[^']*)'|(?<bare>[^\\s\"']+))|(?<word>[A-Za-z][\\w-]*:?))");
    private static final Pattern ID = Pattern.compile("[A-Za-z][\\w:.-]{0,127}");

    private static final Pattern COMMENT_END = Pattern.compile("\\{:/(comment)?\\}");

    /** The text in which a {@code {::comment}} found no end, and where: no later one there will either. */
    private BasedSequence unclosedIn;
    private int unclosedFrom;


    @Override
    public boolean parse(LightInlineParser parser) {
        char next = parser.peek(1);
        if (next == '%' || next == '{') {
            return false; // a Liquid tag or a shortcode
        }
        BasedSequence input = parser.getInput();
        int start = parser.getIndex();
        int end = kramdownExtension(input, start);
        String id = null;
        boolean toc = false;
        if (end < 0) {
            Matcher list = LIST.matcher(input.subSequence(start));
            if (!list.lookingAt() || !wellFormed(list.group(2), !list.group(1).isEmpty())) {
                return false;
            }
            end = start + list.end();
            boolean kramdown = !list.group(1).isEmpty();
            boolean endsHeading = parser.getBlock() instanceof Heading && input.subSequence(end).isBlank();
            if (!kramdown && !endsHeading && !aloneOnLine(input, start, end)) {
                return false;
            }
            id = idOf(list.group(2));
            toc = list.group(2).strip().equals("toc");
            if (endsHeading && id != null) {
                AttributeLists.setId((Heading) parser.getBlock(), id);
            }
        }
        parser.flushTextNode();
        if (parser.getBlock() instanceof Heading && parser.getBlock().getLastChild() instanceof Text text) {
            // "Title {#id}" and kramdown's "Title ## {#id}": neither space nor closing #s is heading text
            BasedSequence title = text.getChars().trimEnd();
            BasedSequence withoutHashes = title.trimEnd(CharPredicate.anyOf('#'));
            text.setChars(withoutHashes.length() < title.length() && withoutHashes.endsWith(" ") ? withoutHashes.trimEnd() : title);
        }
        parser.getBlock().appendChild(new AttributeLists.AttributeList(input.subSequence(start, end), id, toc));
        parser.setIndex(end);
        return true;
    }

    /** @return the end of a kramdown extension at {@code start} (a comment's with its content), or -1 */
    private int kramdownExtension(BasedSequence input, int start) {
        if (start + 2 >= input.length() || input.charAt(start + 1) != ':' || input.charAt(start + 2) != ':' && input.charAt(start + 2) != '/') {
            return -1;
        }
        Matcher m = EXTENSION.matcher(input.subSequence(start));
        if (!m.lookingAt()) {
            return -1;
        }
        if ("comment".equals(m.group(1)) && m.group(2).isEmpty()) {
            if (input == unclosedIn && start >= unclosedFrom) {
                return -1; // a comment opened earlier found no end, so this one finds none either
            }
            Matcher close = COMMENT_END.matcher(input.subSequence(start + m.end()));
            if (close.find()) {
                return start + m.end() + close.end();
            }
            unclosedIn = input;
            unclosedFrom = start;
            return -1;
        }
        return start + m.end();
    }

    private static boolean wellFormed(String tokens, boolean kramdown) {
        Matcher token = TOKEN.matcher(tokens);
        int at = 0;
        while (token.find() && token.start() == at) {
            if (token.group("word") != null && !kramdown) {
                return false; // {word} is text unless kramdown's {:word}
            }
            at = token.end();
        }
        return at > 0 && tokens.substring(at).isBlank();
    }

    /** @return the id an attribute list gives ({@code #x} or {@code id="x"}), or {@code null} */
    private static String idOf(String tokens) {
        Matcher token = TOKEN.matcher(tokens);
        while (token.find()) {
            if (token.group("id") != null) {
                return token.group("id");
            }
            if ("id".equals(token.group("key"))) {
                String value = token.group("quoted") != null ? token.group("quoted")
                        : token.group("single") != null ? token.group("single") : token.group("bare");
                return ID.matcher(value).matches() ? value : null;
            }
        }
        return null;
    }

    private static boolean aloneOnLine(BasedSequence input, int start, int end) {
        int lineEnd = input.indexOf('\n', end);
        return (start == 0 || input.charAt(start - 1) == '\n')
                && input.subSequence(end, lineEnd < 0 ? input.length() : lineEnd).isBlank();
    }
}
