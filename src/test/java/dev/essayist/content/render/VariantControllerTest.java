package dev.essayist.content.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.TestSite;
import dev.essayist.content.MarkdownRenderer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** {@code /_img/}: resized copies made at index time are served, immutable, and nothing else is. */
class VariantControllerTest {

    @Test
    void servesACopyTheRendererMadeWithValidatorsAndNothingElse() throws Exception {
        TestSite site = TestSite.create();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1200, 600, BufferedImage.TYPE_INT_RGB), "png", png);
        site.staticFile("img/wide.png", png.toByteArray());
        Map<String, Object> props = new HashMap<>(site.properties());
        props.put("essayist.index-dir", TestSite.tempFolder("variants").toString());
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test")) {
            var context = server.getApplicationContext();
            MarkdownRenderer renderer = new MarkdownRenderer(context.getBean(ImageFiles.class), context.getBean(ImageVariants.class));
            String srcset = Jsoup.parseBodyFragment(renderer.render("![w](/static/img/wide.png)\n", (Path) null).html())
                    .selectFirst("img").attr("srcset");
            String url = srcset.split(",")[1].strip().split(" ")[0];
            assertThat(url).matches("/_img/[0-9a-f]{16}-960\\.png");

            TestSite.Http http = new TestSite.Http(server.getURI());
            HttpResponse<String> first = http.get(url);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(http.get(url, "If-None-Match", etag).statusCode()).isEqualTo(304);
            for (String bad : new String[] {"/_img/..%2Findex.mv.db", "/_img/0123456789abcdef-960.png", "/_img/x.png"}) {
                assertThat(http.get(bad).statusCode()).as(bad).isEqualTo(404);
            }
        }
    }
}
