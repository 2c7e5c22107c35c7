package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.content.RenderedMarkdown;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private Document html(RenderedMarkdown rendered) {
        return Jsoup.parseBodyFragment(rendered.html());
    }

    @Test
    void rendersGfmTablesInsideAScrollableRegion() {
        Document doc = html(renderer.render("| a | b |\n|---|--:|\n| 1 | 2 |\n"));
        Element table = doc.selectFirst("div.table-wrap[tabindex=0][role=region] > table");
        assertThat(table).isNotNull();
        assertThat(table.select("thead th")).extracting(Element::text).containsExactly("a", "b");
        assertThat(table.select("tbody td")).extracting(Element::text).containsExactly("1", "2");
    }

    @Test
    void rendersFootnotesWithLinksBothWays() {
        Document doc = html(renderer.render("A claim.[^1]\n\n[^1]: The source.\n"));
        Element ref = doc.selectFirst("sup a.footnote-ref");
        assertThat(ref).isNotNull();
        Element note = doc.getElementById(ref.attr("href").substring(1));
        assertThat(note).isNotNull();
        assertThat(note.text()).contains("The source.");
        Element back = note.selectFirst("a.footnote-backref");
        assertThat(back).isNotNull();
        assertThat(doc.getElementById(back.attr("href").substring(1))).isNotNull();
    }

    @Test
    void headingsGetIdsAndAnchorLinks() {
        RenderedMarkdown rendered = renderer.render("## Why SELECT then UPDATE fails\n\ntext\n\n### A detail\n");
        Element h2 = html(rendered).selectFirst("h2");
        assertThat(h2.id()).isEqualTo("why-select-then-update-fails");
        assertThat(h2.selectFirst("a.anchor").attr("href")).isEqualTo("#why-select-then-update-fails");
        assertThat(rendered.headings()).extracting(dev.essayist.post.Heading::text)
                .containsExactly("Why SELECT then UPDATE fails", "A detail");
        assertThat(rendered.headings()).extracting(dev.essayist.post.Heading::level).containsExactly(2, 3);
    }

    @Test
    void fencedCodeCarriesItsLanguageClass() {
        Element code = html(renderer.render("```sql\nSELECT 1;\n```\n")).selectFirst("pre > code");
        assertThat(code.className()).isEqualTo("language-sql");
        assertThat(code.text()).isEqualTo("SELECT 1;");
    }

    @Test
    void showsTheFileNameOfAFencedBlockAboveIt() {
        Document doc = html(renderer.render("```sql title=\"queue.sql\"\nSELECT 1;\n```\n\n```go title=main.go\nfunc main() {}\n```\n"));
        assertThat(doc.select("figure.code-block > figcaption.code-title")).extracting(Element::text)
                .containsExactly("queue.sql", "main.go");
        Element code = doc.selectFirst("figure.code-block > figcaption + pre > code");
        assertThat(code.className()).isEqualTo("language-sql");
        assertThat(code.text()).isEqualTo("SELECT 1;");
        assertThat(doc.select("[data-title]")).isEmpty();
    }

    @Test
    void keepsAFileNameAsTextNeverMarkup() {
        Document doc = html(renderer.render("```sh title=\"<img src=x onerror=alert(1)>.sh\"\nls\n```\n```text\nno title\n```\n"));
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.selectFirst("figcaption").text()).isEqualTo("<img src=x onerror=alert(1)>.sh");
        assertThat(doc.select("figure")).hasSize(1);
    }

    @Test
    void rendersStrikethroughTaskListsAndAutolinks() {
        Document doc = html(renderer.render("~~old~~\n\n- [x] done\n- [ ] todo\n\nSee https://www.postgresql.org/docs/ now.\n"));
        assertThat(doc.select("del").text()).isEqualTo("old");
        assertThat(doc.select("li input[type=checkbox]")).hasSize(2);
        assertThat(doc.select("a[href=https://www.postgresql.org/docs/]")).hasSize(1);
    }

    @Test
    void autolinksUrlsHostsAndAddressesButNotOtherText() {
        Document doc = html(renderer.render("Mail a.b@example.com, visit www.example.org or https://example.com/x?a=1.\n\n"
                + "Plain words: www, http, at, example.com, a: //b; escaped: a\\@b.com.\n\n*Emphasis www.em.example* too.\n"));
        assertThat(doc.select("a").eachAttr("href")).containsExactly("mailto:a.b@example.com", "http://www.example.org",
                "https://example.com/x?a=1", "mailto:a@b.com", "http://www.em.example");
    }

    @Test
    void computesExcerptWordsLinksAndReadingTime() {
        String body = "First paragraph with a [link](/posts/other#part).\n\nSecond.\n\n" + "word ".repeat(500);
        RenderedMarkdown rendered = renderer.render(body);
        assertThat(rendered.excerpt()).isEqualTo("First paragraph with a link.");
        assertThat(rendered.links()).containsExactly("/posts/other#part");
        assertThat(rendered.words()).isEqualTo(506);
        assertThat(rendered.readingMinutes()).isEqualTo(3);
    }

    @Test
    void truncatesLongExcerptsAtAWordBoundary() {
        String text = "alpha ".repeat(100).strip();
        String cut = BodyText.truncate(text, 40);
        assertThat(cut).endsWith("…").hasSizeLessThanOrEqualTo(41);
        assertThat(cut.substring(0, cut.length() - 1)).doesNotEndWith(" ").matches("(alpha ?)+");
    }

    @Test
    void excerptAndSearchTextCarryNoFootnoteMarkers() {
        RenderedMarkdown rendered = renderer.render("Postgres added it in 2020[^1]. Others[^note] followed.\n\n"
                + "[^1]: Release notes.\n[^note]: Later.\n");
        assertThat(rendered.excerpt()).isEqualTo("Postgres added it in 2020. Others followed.");
        assertThat(rendered.text()).startsWith("Postgres added it in 2020. Others followed.");
        assertThat(html(rendered).select("sup a.footnote-ref")).hasSize(2);
    }
}
