package dev.essayist.content.engines;

import com.vladsch.flexmark.html.HtmlWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Videos and posts of other sites that Hugo and Jekyll embed in a frame ({@code {{< youtube id >}}},
 * {@code {{< vimeo id >}}}, {@code {{< gist user id >}}}, {@code {{< tweet user="u" id="n" >}}},
 * {@code {{< x … >}}}, {@code {{< instagram id >}}}, and the Liquid tags of the same names from
 * Jekyll plugins such as jekyll-gist), written as a plain link to the original:
 *
 * <pre>{@code <div class="embed"><a class="embed-link embed-video" href="https://www.youtube.com/watch?v=…">
 *   <span class="embed-title">Title</span><span class="embed-source">YouTube</span></a></div>}</pre>
 *
 * <p>No frame, script or thumbnail is loaded from the other site when the page opens, so the
 * reader's visit is not reported to it and the site's Content Security Policy stays as strict as
 * it is; the reader follows the link when they choose to. The link text is the {@code title}
 * parameter when there is one, else "Watch on YouTube" (and the like).
 */
final class Embeds {

    /** The tag names written as links. */
    static final Set<String> NAMES = Set.of("youtube", "vimeo", "gist", "tweet", "x", "instagram");

    /**
     * One embed as a link.
     *
     * @param url    where the link goes
     * @param title  the author's title, or {@code null}
     * @param action the link text when there is no title, e.g. "Watch on YouTube"
     * @param source the other site's name, shown beside a title
     * @param video  whether it is a video (styled as one)
     */
    record Embed(String url, String title, String action, String source, boolean video) {
    }

    private static final Pattern YOUTUBE_URL = Pattern.compile("(?:[?&]v=|youtu\\.be/|/embed/|/shorts/)([A-Za-z0-9_-]+)");
    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern VIMEO_ID = Pattern.compile("(?:vimeo\\.com/(?:video/)?)?([0-9]{1,20})/?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern GIST_ID = Pattern.compile("[0-9a-fA-F]{1,64}|[0-9]{1,20}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,30}");

    private Embeds() {
    }

    /**
     * @param tag a tag whose name is one of {@link #NAMES}
     * @return the link it becomes, or {@code null} when its parameters name no video or post
     */
    static Embed of(Tag tag) {
        String title = tag.param("title", -1);
        return switch (tag.name()) {
            case "youtube" -> youtube(tag, title);
            case "vimeo" -> {
                Matcher id = VIMEO_ID.matcher(strip(tag.param("id", 0)));
                yield id.matches() ? new Embed("https://vimeo.com/" + id.group(1), title, "Watch on Vimeo", "Vimeo", true) : null;
            }
            case "gist" -> gist(tag);
            case "tweet", "x" -> {
                String id = tag.param("id", tag.param("user", -1) == null ? 0 : -1);
                String user = tag.param("user", -1);
                boolean ok = id != null && DIGITS.matcher(id).matches() && (user == null || NAME.matcher(user).matches());
                yield ok ? new Embed("https://x.com/" + (user == null ? "i" : user) + "/status/" + id, title,
                        "View the post on X", "X", false) : null;
            }
            case "instagram" -> {
                String id = tag.param("id", 0);
                yield id != null && NAME.matcher(id).matches()
                        ? new Embed("https://www.instagram.com/p/" + id + "/", title, "View the post on Instagram", "Instagram", false)
                        : null;
            }
            default -> null;
        };
    }

    private static Embed youtube(Tag tag, String title) {
        String id = strip(tag.param("id", 0));
        Matcher inUrl = YOUTUBE_URL.matcher(id);
        if (inUrl.find()) {
            id = inUrl.group(1);
        }
        if (!YOUTUBE_ID.matcher(id).matches()) {
            return null;
        }
        String start = tag.param("start", -1);
        String time = start != null && DIGITS.matcher(start).matches() ? "&t=" + start + "s" : "";
        return new Embed("https://www.youtube.com/watch?v=" + id + time, title, "Watch on YouTube", "YouTube", true);
    }

    /** Hugo: {@code gist user id [file]}; jekyll-gist: {@code gist [user/]id [file]}. */
    private static Embed gist(Tag tag) {
        String first = strip(tag.param("user", 0));
        String user = tag.kind() == Tag.Kind.LIQUID ? (first.contains("/") ? first.substring(0, first.indexOf('/')) : null) : first;
        String id = tag.kind() == Tag.Kind.LIQUID ? first.substring(first.indexOf('/') + 1) : strip(tag.param("id", 1));
        String file = tag.param("file", tag.kind() == Tag.Kind.LIQUID ? 1 : 2);
        if (!GIST_ID.matcher(id).matches() || user != null && !NAME.matcher(user).matches()) {
            return null;
        }
        String anchor = file == null ? "" : "#file-" + URLEncoder.encode(file.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_-]", "-"), StandardCharsets.UTF_8);
        String title = file != null ? file : tag.param("title", -1);
        return new Embed("https://gist.github.com/" + (user == null ? "" : user + "/") + id + anchor, title,
                "View the code on GitHub Gist", "GitHub Gist", false);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /**
     * @param embed the link
     * @param block whether it stands alone (a card) rather than inside a line of text
     * @param html  where to write
     */
    static void write(Embed embed, boolean block, HtmlWriter html) {
        if (block) {
            html.line().raw("<div class=\"embed\">");
        }
        html.raw("<a class=\"embed-link").raw(embed.video() ? " embed-video" : "").raw("\" href=\"").text(embed.url()).raw("\">");
        html.raw("<span class=\"embed-title\">").text(embed.title() != null && !embed.title().isBlank() ? embed.title() : embed.action())
                .raw("</span>");
        if (embed.title() != null && !embed.title().isBlank()) {
            html.raw(" <span class=\"embed-source\">").text(embed.source()).raw("</span>");
        }
        html.raw("</a>");
        if (block) {
            html.raw("</div>").line();
        }
    }
}
